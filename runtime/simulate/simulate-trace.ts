import { toRegularSeries } from "../forecast/regular-series";
import { readSeriesCsv } from "../forecast/series-csv";
import { formatTimestamp } from "../forecast/timestamp";
import { formatLead, MAX_LEAD_SEARCH_MINUTES, PEAK_WINDOW_MINUTES, type AutoscalerOutcome } from "./outcome";
import { ClusterTooSmallError, DEFAULT_SIMULATION, runSimulation, type SimulationOptions, type SimulationResult } from "./simulation";

/** What a caller may change about a replay; everything else is {@link DEFAULT_SIMULATION}. */
export interface SimulationOverrides {
  /** Load one pod serves at 100% (trace units per trace step); default: 95th percentile of the replayed demand / 20. */
  readonly capacityPerPod?: number;
  readonly podStartupMinutes?: number;
  readonly nodeProvisioningMinutes?: number;
  /** PSE lead window in minutes; default pod start-up + node provisioning. */
  readonly leadMinutes?: number;
  /** Upper quantile (0–1) of the forecast that must fit within full capacity. */
  readonly quantile?: number;
  /** Target utilisation (0–1] of both autoscalers. */
  readonly targetUtilisation?: number;
  /** Days replayed at the end of the trace. */
  readonly days?: number;
  /** Replay the whole second half of the trace (the first half is history) instead of `days`. */
  readonly secondHalf?: boolean;
}

/** A request the simulation cannot serve, in the user's terms. */
export class SimulationRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulationRequestError";
  }
}

/** One autoscaler's figures as `icna simulate --json` prints them. */
export interface OutcomeReport {
  readonly under_provisioned_minutes: number;
  readonly peak_shortfall_percent: number;
  readonly pod_hours: number;
  /** Per whole UTC day, minutes capacity covered the day's busiest 15 minutes before they began. */
  readonly daily_peak_lead_minutes: number[];
  /** The same for the day's single highest minute. */
  readonly daily_max_minute_lead_minutes: number[];
}

/** `icna simulate --json`. */
export interface SimulationReport {
  readonly trace: string;
  readonly step_seconds: number;
  /** First replayed minute, `YYYY-MM-DD HH:MM:SS` UTC. */
  readonly start: string;
  readonly simulated_minutes: number;
  readonly capacity_per_pod: number;
  readonly lead_minutes: number;
  readonly quantile: number;
  readonly target_utilisation: number;
  readonly reactive: OutcomeReport;
  readonly predictive: OutcomeReport;
  /** PSE pod-hours relative to the reactive HPA's, in %. */
  readonly pod_hours_change_percent: number;
  readonly fallback_minutes: number;
  /** Replayed minutes in gaps of the trace: demand unknown, not scored. */
  readonly gap_minutes: number;
}

/** Reads a `timestamp,value` trace and replays it under the reactive HPA and the PSE. */
export function simulateCsv(csvText: string, sourceName: string, overrides: SimulationOverrides = {}): { report: SimulationReport; result: SimulationResult } {
  let options = simulationOptions(overrides);
  const csv = readSeriesCsv(csvText, sourceName);
  if (csv.stepSeconds % 60 !== 0) throw new SimulationRequestError(`${sourceName}: the trace step is ${csv.stepSeconds} s; the simulation needs a whole number of minutes — resample the trace to 1, 5 or 15 minutes`);
  const series = toRegularSeries(csv);
  const spanDays = (series.values.length * csv.stepSeconds) / 86_400;
  if (overrides.secondHalf) options = { ...options, simulateDays: spanDays / 2 };
  const stepMinutes = csv.stepSeconds / 60;
  if (Math.round((options.simulateDays * 1440) / stepMinutes) < 1) {
    throw new SimulationRequestError(`${sourceName}: --days ${options.simulateDays} replays less than one ${stepMinutes}-minute step of the trace; replay at least ${round(stepMinutes / 1440)} day(s)`);
  }
  const minimumDays = 2 * options.simulateDays;
  if (spanDays < minimumDays - 1e-9) {
    throw new SimulationRequestError(`${sourceName}: the trace covers ${spanDays.toFixed(1)} day(s); replaying ${options.simulateDays} day(s) needs at least ${minimumDays} (the first half is the PSE's history) — give a longer trace, a smaller --days or --days half`);
  }
  let result: SimulationResult;
  try {
    result = runSimulation(series, options);
  } catch (error) {
    if (!(error instanceof ClusterTooSmallError)) throw error;
    throw new SimulationRequestError(
      `${sourceName}: the replayed peak (${round(error.peak)} per step) needs ${error.podsNeeded} pods of capacity ${round(error.capacityPerPod)} at the ${Math.round(error.targetUtilisation * 100)}% target, more than the simulated cluster's ${error.maxReplicas}; give --capacity-per-pod at least ${round(error.minimumCapacityPerPod * (1 + 1e-6))} (in the trace's units per step)`,
    );
  }
  return { report: toReport(sourceName, csv.stepSeconds, result, options), result };
}

function simulationOptions(o: SimulationOverrides): SimulationOptions {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) throw new SimulationRequestError(`${name} must be a positive number, got ${value}`);
  };
  const nonNegative = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new SimulationRequestError(`${name} must be a number ≥ 0, got ${value}`);
  };
  positive("--capacity-per-pod", o.capacityPerPod);
  nonNegative("--pod-startup", o.podStartupMinutes);
  nonNegative("--node-provisioning", o.nodeProvisioningMinutes);
  positive("--lead", o.leadMinutes);
  positive("--days", o.days);
  if (o.quantile !== undefined && !(o.quantile > 0 && o.quantile < 1)) throw new SimulationRequestError(`--quantile must be between 0 and 1 (exclusive), e.g. 0.9; got ${o.quantile}`);
  if (o.targetUtilisation !== undefined && !(o.targetUtilisation > 0 && o.targetUtilisation <= 1)) throw new SimulationRequestError(`--target must be a utilisation in (0, 1], e.g. 0.7; got ${o.targetUtilisation}`);
  const d = DEFAULT_SIMULATION;
  return {
    ...d,
    cluster: {
      ...d.cluster,
      capacityPerPod: o.capacityPerPod,
      podStartupMinutes: o.podStartupMinutes ?? d.cluster.podStartupMinutes,
      nodeProvisioningMinutes: o.nodeProvisioningMinutes ?? d.cluster.nodeProvisioningMinutes,
    },
    targetUtilisation: o.targetUtilisation ?? d.targetUtilisation,
    predictive: { ...d.predictive, leadMinutes: o.leadMinutes, quantile: o.quantile ?? d.predictive.quantile },
    simulateDays: o.days ?? d.simulateDays,
  };
}

function toReport(trace: string, stepSeconds: number, result: SimulationResult, options: SimulationOptions): SimulationReport {
  const outcome = (o: AutoscalerOutcome): OutcomeReport => ({
    under_provisioned_minutes: o.underProvisionedMinutes,
    peak_shortfall_percent: round(o.peakShortfallPercent),
    pod_hours: round(o.podHours),
    daily_peak_lead_minutes: o.dailyPeakLeadMinutes,
    daily_max_minute_lead_minutes: o.dailyMaxMinuteLeadMinutes,
  });
  return {
    trace,
    step_seconds: stepSeconds,
    start: formatTimestamp(result.startMs),
    simulated_minutes: result.simulatedMinutes,
    capacity_per_pod: round(result.capacityPerPod),
    lead_minutes: result.leadMinutes,
    quantile: options.predictive.quantile,
    target_utilisation: options.targetUtilisation,
    reactive: outcome(result.reactive),
    predictive: outcome(result.predictive),
    pod_hours_change_percent: round((100 * (result.predictive.podHours - result.reactive.podHours)) / result.reactive.podHours),
    fallback_minutes: result.fallbackMinutes,
    gap_minutes: result.gapMinutes,
  };
}

/** The comparison as a plain-text table. */
export function formatSimulationTable(report: SimulationReport): string {
  const led = (leads: number[]) => `${leads.filter((l) => l >= 15).length}/${leads.length}`;
  const median = (leads: number[]) => {
    if (leads.length === 0) return "–";
    const sorted = [...leads].sort((a, b) => a - b);
    return formatLead(sorted[(sorted.length - 1) >> 1]);
  };
  const minimum = (leads: number[]) => (leads.length === 0 ? "–" : formatLead(Math.min(...leads)));
  const r = report.reactive;
  const p = report.predictive;
  const rows: Array<[string, string, string]> = [
    ["minutes under-provisioned", String(r.under_provisioned_minutes), String(p.under_provisioned_minutes)],
    ["peak shortfall %", r.peak_shortfall_percent.toFixed(1), p.peak_shortfall_percent.toFixed(1)],
    ["pod-hours", r.pod_hours.toFixed(0), `${p.pod_hours.toFixed(0)} (${report.pod_hours_change_percent >= 0 ? "+" : ""}${report.pod_hours_change_percent.toFixed(1)}%)`],
    ["daily peaks led by ≥ 15 min", led(r.daily_peak_lead_minutes), led(p.daily_peak_lead_minutes)],
    ["median / min lead on daily peaks (min)", `${median(r.daily_peak_lead_minutes)} / ${minimum(r.daily_peak_lead_minutes)}`, `${median(p.daily_peak_lead_minutes)} / ${minimum(p.daily_peak_lead_minutes)}`],
    ["daily highest minute led by ≥ 15 min", led(r.daily_max_minute_lead_minutes), led(p.daily_max_minute_lead_minutes)],
  ];
  const width = Math.max(...rows.map((row) => row[0].length));
  const header = `${report.trace}: ${(report.simulated_minutes / 1440).toFixed(1)} day(s) from ${report.start} UTC, step ${report.step_seconds / 60} min; capacity per pod ${report.capacity_per_pod}; target ${Math.round(report.target_utilisation * 100)}%; PSE lead ${report.lead_minutes} min, quantile ${report.quantile}`;
  const lines = [header, `${"".padEnd(width)}  ${"reactive HPA".padStart(14)}  ${"PSE".padStart(16)}`, ...rows.map(([name, a, b]) => `${name.padEnd(width)}  ${a.padStart(14)}  ${b.padStart(16)}`)];
  lines.push(
    `Lead: how long before the day's busiest ${PEAK_WINDOW_MINUTES} minutes ready capacity has covered their mean demand without a break (negative: only after they began), searched up to ${MAX_LEAD_SEARCH_MINUTES} min. ≥${MAX_LEAD_SEARCH_MINUTES} means the capacity held then already covered the peak (the ${Math.round(report.target_utilisation * 100)}% target's headroom over a slow daily rise), not that it was forecast.`,
  );
  if (report.gap_minutes > 0) lines.push(`${report.gap_minutes} replayed minute(s) fall in gaps of the trace (demand unknown): not scored.`);
  if (report.fallback_minutes > 0) lines.push(`PSE served the observed load without a forecast for ${report.fallback_minutes} minute(s) (history too short).`);
  return lines.join("\n");
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}
