import type { BenchSuite } from "../run";
import { loadResampled } from "../../runtime/forecast/evaluation/corpus";
import { benchDataPath } from "../bench-data";
import { formatLead, MAX_LEAD_SEARCH_MINUTES, PEAK_WINDOW_MINUTES, type AutoscalerOutcome } from "../../runtime/simulate/outcome";
import { DEFAULT_SIMULATION, runSimulation, type SimulationResult } from "../../runtime/simulate/simulation";
import { formatTimestamp } from "../../runtime/forecast/timestamp";

const TRACES = [
  ["NASA-HTTP 1995", "nasa_http_1995_per_minute.csv"],
  ["WorldCup-98", "worldcup98_per_minute.csv"],
] as const;

/** Replay everything the simulation allows: the second half of each trace (the first half is the PSE's history). */
const REPLAY = { ...DEFAULT_SIMULATION, simulateDays: Number.POSITIVE_INFINITY };

const led = (leads: readonly number[]) => `${leads.filter((l) => l >= 15).length}/${leads.length}`;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

function row(trace: string, who: string, o: AutoscalerOutcome, reactive: AutoscalerOutcome): string {
  const change = who === "reactive HPA" ? "" : ` (${o.podHours >= reactive.podHours ? "+" : ""}${((100 * (o.podHours - reactive.podHours)) / reactive.podHours).toFixed(1)}%)`;
  return `| ${trace} | ${who} | ${o.underProvisionedMinutes} | ${o.peakShortfallPercent.toFixed(1)} | ${o.podHours.toFixed(0)}${change} | ${led(o.dailyPeakLeadMinutes)} | ${formatLead(median(o.dailyPeakLeadMinutes))} / ${formatLead(Math.min(...o.dailyPeakLeadMinutes))} | ${led(o.dailyMaxMinuteLeadMinutes)} |`;
}

const suite: BenchSuite = {
  name: "simulation",
  description: `Replay of the second half of the real NASA-HTTP and WorldCup-98 traces (per-minute counts summed to 5 minutes, as the forecast benchmark does) through the cluster model under a reactive HPA and under the PSE, one configuration for both traces.`,
  async run() {
    const results: Array<{ name: string; result: SimulationResult; seconds: number }> = [];
    for (const [name, file] of TRACES) {
      const series = loadResampled(benchDataPath("traffic", file), "sum", 300);
      const started = Date.now();
      results.push({ name, result: runSimulation(series, REPLAY), seconds: (Date.now() - started) / 1000 });
    }
    const d = REPLAY;
    const first = results[0].result;
    const lines = [
      `Cluster: pod start-up ${d.cluster.podStartupMinutes} min, node provisioning ${d.cluster.nodeProvisioningMinutes} min (${d.cluster.podsPerNode} pods/node), scale-down stabilisation ${d.cluster.scaleDownStabilisationMinutes} min, metrics seen ${d.metricLagMinutes} min late, capacity per pod = 95th percentile of the replayed demand / 20. ` +
        `Reactive HPA: CPU at ${d.targetUtilisation * 100}% target, tolerance ${d.hpa.tolerance}, ${d.hpa.syncSeconds} s sync. ` +
        `PSE: lead ${first.leadMinutes} min (pod start-up + node provisioning), quantile ${d.predictive.quantile}, same ${d.targetUtilisation * 100}% target for the expected load, step-down ≤ ${d.predictive.maxScaleDownFraction * 100}% per decision, refit every ${d.predictive.refitHours} h on ${d.predictive.historyDays} days, through KEDA's HPA (same tolerance and stabilisation).`,
      "",
      `| trace | autoscaler | minutes under-provisioned | peak shortfall % | pod-hours | daily peaks led ≥ 15 min | lead on daily peaks, median / min (min) | daily highest minute led ≥ 15 min |`,
      "|---|---|---|---|---|---|---|---|",
    ];
    for (const { name, result } of results) {
      lines.push(row(name, "reactive HPA", result.reactive, result.reactive));
      lines.push(row(name, "PSE", result.predictive, result.reactive));
    }
    lines.push(
      "",
      `A daily peak is the day's busiest ${PEAK_WINDOW_MINUTES} minutes (UTC days); its lead is how long before them ready capacity has covered their mean demand without interruption (negative: only that long after they began), searched up to ${MAX_LEAD_SEARCH_MINUTES} min (≥${MAX_LEAD_SEARCH_MINUTES}: covered all that time). The last column uses the day's single highest minute instead, one-off bursts included. Under-provisioned: demand above what the ready pods serve at 100%. Minutes in gaps of a trace (demand unknown, e.g. NASA's 1–3 August 1995 outage) are held at the last value for the autoscalers but not scored, nor is the peak of a day that is more than 10% gap.`,
      "",
      "| trace | replayed from (UTC) | minutes | minutes in trace gaps (not scored) | capacity per pod | PSE minutes without forecast | run time (s) |",
      "|---|---|---|---|---|---|---|",
      ...results.map(({ name, result, seconds }) => `| ${name} | ${formatTimestamp(result.startMs)} | ${result.simulatedMinutes} | ${result.gapMinutes} | ${result.capacityPerPod.toPrecision(4)} | ${result.fallbackMinutes} | ${seconds.toFixed(1)} |`),
    );
    return lines.join("\n");
  },
};

export default suite;
