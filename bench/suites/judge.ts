import * as fs from "node:fs";
import { validateJudgeConfig } from "../../runtime/judge/judge-config";
import { argoPolicy, buildCase, flaggerPolicy, icnaPolicy, type Regression, type RollbackPolicy } from "../../runtime/judge/replay";
import { benchDataPath } from "../bench-data";
import type { BenchSuite } from "../run";

/** Samples per colour per judged interval (one sample per colour per minute: a 10-minute interval). */
const INTERVAL = 10;
/** Intervals per replayed step. */
const INTERVALS = 6;
/** Live-colour samples before the step (one hour), from which the static thresholds are set. */
const BEFORE = 60;
/** Replayed steps per source series, spread evenly over it. */
const CASES = 40;

function column(file: string): number[] {
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => Number(line.split(",")[1]));
}

/** Per-minute error rates: errors drawn binomially at `rate` from real per-minute request counts (a fixed-seed generator). */
function errorRates(counts: readonly number[], rate: number): number[] {
  let seed = 20240501;
  const uniform = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return counts.map((n) => {
    const mean = n * rate;
    const sd = Math.sqrt(n * rate * (1 - rate));
    // Box–Muller normal approximation of Binomial(n, rate); counts here are in the thousands.
    const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    return Math.max(0, Math.round(mean + sd * z)) / n;
  });
}

interface Source {
  readonly metric: string;
  readonly label: string;
  readonly values: number[];
  /** Start positions eligible for a case (e.g. busy enough for error rates to mean something). */
  readonly eligible: (start: number) => boolean;
}

function loadSources(): Source[] {
  const latency = column(benchDataPath("nab", "data", "realKnownCause", "ec2_request_latency_system_failure.csv"));
  const cpu = column(benchDataPath("nab", "data", "realAWSCloudwatch", "rds_cpu_utilization_e47b3b.csv"));
  const worldcup = column(benchDataPath("traffic", "worldcup98_per_minute.csv"));
  const span = 2 * (BEFORE + INTERVAL * INTERVALS);
  const busy = (start: number): boolean => worldcup.slice(start, start + span).every((n) => n >= 3000);
  return [
    { metric: "latency", label: "latency (NAB ec2_request_latency, ms)", values: latency, eligible: () => true },
    { metric: "cpu", label: "CPU (NAB rds_cpu_utilization_e47b3b, %)", values: cpu, eligible: () => true },
    { metric: "error_rate", label: "error rate (1% of World Cup 98 requests/min)", values: errorRates(worldcup, 0.01), eligible: busy },
  ];
}

const config = validateJudgeConfig({
  metrics: ["latency", "cpu", "error_rate"].map((name) => ({ name, direction: "increase", allowedChangePercent: 10, criticalChangePercent: 15, critical: true })),
});

const SCENARIOS: ReadonlyArray<{ label: string; regression: Regression }> = [
  { label: "clean copy", regression: { kind: "none" } },
  { label: "+10% step", regression: { kind: "step", fraction: 0.1 } },
  { label: "+20% step", regression: { kind: "step", fraction: 0.2 } },
  { label: "+50% step", regression: { kind: "step", fraction: 0.5 } },
  { label: "+100% step", regression: { kind: "step", fraction: 1 } },
  { label: "slow drift to +50% over 5 intervals", regression: { kind: "drift", fraction: 0.5, intervals: 5 } },
];

const POLICIES: ReadonlyArray<{ label: string; policy: RollbackPolicy }> = [
  { label: "ICNA judge", policy: icnaPolicy(config) },
  { label: "Argo Rollouts (failureLimit 0)", policy: argoPolicy(0.2) },
  { label: "Flagger (1m checks, threshold 5)", policy: flaggerPolicy(0.2) },
];

function starts(source: Source): number[] {
  const span = 2 * (BEFORE + INTERVAL * INTERVALS);
  const candidates = Array.from({ length: source.values.length - span }, (_, i) => i).filter((i) => i % 7 === 0 && source.eligible(i));
  return Array.from({ length: CASES }, (_, k) => candidates[Math.floor((k * candidates.length) / CASES)]);
}

const suite: BenchSuite = {
  name: "judge",
  description: `Canary analysis on replayed real series: each case interleaves one real series into a live and a new colour (same time, independent noise), ${CASES} cases per series, ${INTERVALS} intervals of ${INTERVAL} samples per colour (10 minutes at one sample per minute), regression injected into the new colour only. ICNA's judge vs Argo Rollouts' and Flagger's default analysis loops with a static threshold at +20% of the live colour's pre-release hour.`,
  async run() {
    const sources = loadSources();
    const lines: string[] = [
      "| Series | Scenario | Policy | Rolled back | Median minutes to rollback | Max minutes |",
      "|---|---|---|---:|---:|---:|",
    ];
    const summary = new Map<string, { clean: number; cleanTotal: number; big: number; bigTotal: number; within2: number; minutes: number[] }>();
    for (const source of sources) {
      const positions = starts(source);
      for (const scenario of SCENARIOS) {
        const cases = positions.map((p) => buildCase(source.values, p, BEFORE, INTERVAL * INTERVALS, INTERVAL, scenario.regression));
        for (const { label, policy } of POLICIES) {
          const times = cases.map((c) => policy(c, source.metric, INTERVAL));
          const rolled = times.filter((t): t is number => t !== undefined).sort((a, b) => a - b);
          const stats = summary.get(label) ?? { clean: 0, cleanTotal: 0, big: 0, bigTotal: 0, within2: 0, minutes: [] };
          if (scenario.regression.kind === "none") {
            stats.clean += rolled.length;
            stats.cleanTotal += cases.length;
          } else if (scenario.regression.kind === "step" && scenario.regression.fraction >= 0.2) {
            stats.big += rolled.length;
            stats.bigTotal += cases.length;
            stats.within2 += rolled.filter((t) => t <= 2 * INTERVAL).length;
            stats.minutes.push(...rolled);
          }
          summary.set(label, stats);
          const medianMinutes = rolled.length ? String(rolled[Math.floor(rolled.length / 2)]) : "–";
          const maxMinutes = rolled.length ? String(rolled[rolled.length - 1]) : "–";
          lines.push(`| ${source.label} | ${scenario.label} | ${label} | ${rolled.length}/${cases.length} | ${medianMinutes} | ${maxMinutes} |`);
        }
      }
    }
    const head = [
      "| Policy | False rollbacks on clean copies | Steps ≥ +20% rolled back | …within two intervals (20 min) | Median minutes to rollback (≥ +20%) |",
      "|---|---:|---:|---:|---:|",
      ...[...summary].map(([label, s]) => {
        const sorted = [...s.minutes].sort((a, b) => a - b);
        return `| ${label} | ${s.clean}/${s.cleanTotal} | ${s.big}/${s.bigTotal} | ${s.within2}/${s.bigTotal} | ${sorted.length ? sorted[Math.floor(sorted.length / 2)] : "–"} |`;
      }),
    ];
    return [
      ...head,
      "",
      "Minutes assume one sample per colour per minute. ICNA judges the step so far (at most 3 intervals) at each interval end: Mann–Whitney at α = 0.01, allowed +10%, critical +15% (critical metric). Argo and Flagger compare the canary with a fixed threshold of +20% over the live colour's previous hour; Argo rolls back after interval × (failureLimit + 1), Flagger after 5 failed one-minute checks.",
      "",
      ...lines,
      "",
    ].join("\n");
  },
};

export default suite;
