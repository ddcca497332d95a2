import type { JudgeConfig, MetricConfig } from "./judge-config";
import { hodgesLehmann, type ShiftEstimate } from "./hodges-lehmann";
import { mannWhitney } from "./mann-whitney";
import { median } from "../forecast/statistics";
import { removeOutliers } from "./outliers";

/** Samples per metric name for one colour over one interval. */
export type MetricSamples = Readonly<Record<string, readonly number[]>>;

export type MetricOutcome = "pass" | "marginal" | "fail" | "nodata";
export type Verdict = "pass" | "marginal" | "fail";

/** The judge's finding for one metric, with its evidence. */
export interface MetricJudgement {
  readonly name: string;
  readonly outcome: MetricOutcome;
  readonly critical: boolean;
  readonly baselineCount: number;
  readonly canaryCount: number;
  readonly outliersRemoved: number;
  readonly baselineMedian?: number;
  readonly canaryMedian?: number;
  /** p-value of the test in the configured bad direction. */
  readonly pValue?: number;
  /** Hodges–Lehmann shift (canary − baseline) with its confidence interval. */
  readonly shift?: ShiftEstimate;
  /** Shift as a percentage of the baseline median, and its interval. */
  readonly changePercent?: number;
  readonly changePercentInterval?: readonly [number, number];
  /** Rank-biserial effect size in [-1, 1] (> 0: canary larger). */
  readonly effectSize?: number;
  readonly reason: string;
}

/** The judgement of a canary interval. */
export interface Judgement {
  /** 0–100: weighted share of metrics that passed (marginal counts half). */
  readonly score: number;
  readonly verdict: Verdict;
  readonly metrics: readonly MetricJudgement[];
  readonly reason: string;
}

const OUTCOME_VALUE: Record<Exclude<MetricOutcome, "nodata">, number> = { pass: 1, marginal: 0.5, fail: 0 };

function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

function percentOf(shift: number, base: number): number {
  if (base !== 0) return (100 * shift) / Math.abs(base);
  return shift === 0 ? 0 : shift > 0 ? Infinity : -Infinity;
}

function judgeMetric(metric: MetricConfig, baselineRaw: readonly number[], canaryRaw: readonly number[], config: JudgeConfig): MetricJudgement {
  const clean = (values: readonly number[]) => values.filter((v) => Number.isFinite(v));
  const k = metric.outliers === "none" ? undefined : metric.outliers.k;
  const b = k === undefined ? { kept: clean(baselineRaw), removed: 0 } : removeOutliers(clean(baselineRaw), k);
  const c = k === undefined ? { kept: clean(canaryRaw), removed: 0 } : removeOutliers(clean(canaryRaw), k);
  const base = { name: metric.name, critical: metric.critical, baselineCount: b.kept.length, canaryCount: c.kept.length, outliersRemoved: b.removed + c.removed };
  if (b.kept.length < metric.minSamples || c.kept.length < metric.minSamples) {
    return {
      ...base,
      outcome: "nodata",
      reason: `no data: ${b.kept.length} baseline and ${c.kept.length} canary samples, ${metric.minSamples} needed per colour (treated as ${metric.noData})`,
    };
  }
  const test = mannWhitney(b.kept, c.kept);
  const shift = hodgesLehmann(b.kept, c.kept, config.confidence);
  const baselineMedian = median(b.kept);
  const canaryMedian = median(c.kept);
  const changePercent = percentOf(shift.shift, baselineMedian);
  const interval = [percentOf(shift.low, baselineMedian), percentOf(shift.high, baselineMedian)] as const;
  const pValue = metric.direction === "increase" ? test.pGreater : metric.direction === "decrease" ? test.pLess : test.pTwoSided;
  const badChange = metric.direction === "increase" ? changePercent : metric.direction === "decrease" ? -changePercent : Math.abs(changePercent);
  const evidence = {
    ...base,
    baselineMedian,
    canaryMedian,
    pValue,
    shift,
    changePercent,
    changePercentInterval: interval,
    effectSize: test.rankBiserial,
  };
  const change = `${changePercent >= 0 ? "+" : ""}${fmt(changePercent)}% (${Math.round(config.confidence * 100)}% CI ${fmt(interval[0])}…${fmt(interval[1])}%, p=${pValue.toPrecision(2)})`;
  if (pValue >= config.alpha) return { ...evidence, outcome: "pass", reason: `no significant ${metric.direction === "either" ? "change" : metric.direction}: ${change}` };
  if (Math.abs(shift.shift) <= metric.minAbsoluteChange) {
    return { ...evidence, outcome: "pass", reason: `significant but below the minimum absolute change ${metric.minAbsoluteChange}: ${change}` };
  }
  if (badChange <= metric.allowedChangePercent) return { ...evidence, outcome: "pass", reason: `within the allowed ${metric.allowedChangePercent}%: ${change}` };
  if (badChange <= metric.criticalChangePercent) {
    return { ...evidence, outcome: "marginal", reason: `beyond the allowed ${metric.allowedChangePercent}% but within the critical ${metric.criticalChangePercent}%: ${change}` };
  }
  return { ...evidence, outcome: "fail", reason: `beyond the critical ${metric.criticalChangePercent}%${metric.critical ? " (critical metric)" : ""}: ${change}` };
}

/**
 * Compares a canary's metrics with the baseline's over the same interval: a pure function of the two
 * samples and the configuration, so every decision can be replayed from its evidence.
 */
export function judge(baseline: MetricSamples, canary: MetricSamples, config: JudgeConfig): Judgement {
  const metrics = config.metrics.map((m) => judgeMetric(m, baseline[m.name] ?? [], canary[m.name] ?? [], config));
  let total = 0;
  let earned = 0;
  const criticalFailures: string[] = [];
  metrics.forEach((result, i) => {
    const metric = config.metrics[i];
    const outcome = result.outcome === "nodata" ? (metric.noData === "ignore" ? undefined : metric.noData) : result.outcome;
    if (outcome === undefined) return;
    total += metric.weight;
    earned += metric.weight * OUTCOME_VALUE[outcome];
    if (metric.critical && outcome === "fail") criticalFailures.push(result.name);
  });
  if (total === 0) return { score: 0, verdict: "fail", metrics, reason: "no metric had data to judge" };
  const score = Math.round((1000 * earned) / total) / 10;
  if (criticalFailures.length > 0) return { score, verdict: "fail", metrics, reason: `critical metric failed: ${criticalFailures.join(", ")}` };
  const verdict: Verdict = score >= config.passScore ? "pass" : score >= config.marginalScore ? "marginal" : "fail";
  const threshold = verdict === "pass" ? `≥ ${config.passScore}` : verdict === "marginal" ? `≥ ${config.marginalScore}` : `< ${config.marginalScore}`;
  return { score, verdict, metrics, reason: `score ${score} ${threshold}` };
}
