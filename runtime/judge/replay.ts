import { judge } from "./judge";
import type { JudgeConfig } from "./judge-config";

/** How a regression is injected into the canary's copy of a real series. */
export type Regression =
  | { readonly kind: "none" }
  /** Multiply every canary sample by (1 + fraction) from the first interval on. */
  | { readonly kind: "step"; readonly fraction: number }
  /** Ramp the multiplier linearly from 1 to (1 + fraction) over `intervals` intervals, then hold. */
  | { readonly kind: "drift"; readonly fraction: number; readonly intervals: number };

/** One replayed cutover step: the live colour's samples and the new colour's, interleaved from one real series. */
export interface ReplayCase {
  readonly baseline: number[];
  readonly canary: number[];
  /** Live-colour samples before the step (what a static threshold would be set from). */
  readonly before: number[];
}

/** A rollout analysis policy: returns the 1-based sample index (per colour) at which it rolls back, or undefined. */
export type RollbackPolicy = (c: ReplayCase, metric: string, interval: number) => number | undefined;

/**
 * Builds a case from a real series: samples alternate between the two colours (even → baseline, odd →
 * canary), so both see the same traffic at the same time with independent noise, as two colours
 * behind a weighted DNS record do. The regression is applied to the canary only.
 */
export function buildCase(source: readonly number[], start: number, beforeSamples: number, samples: number, interval: number, regression: Regression): ReplayCase {
  const before: number[] = [];
  for (let i = 0; i < beforeSamples; i++) before.push(source[start + 2 * i]);
  const from = start + 2 * beforeSamples;
  const baseline: number[] = [];
  const canary: number[] = [];
  for (let i = 0; i < samples; i++) {
    baseline.push(source[from + 2 * i]);
    const multiplier =
      regression.kind === "none" ? 1 : regression.kind === "step" ? 1 + regression.fraction : 1 + regression.fraction * Math.min(1, (i + 1) / (regression.intervals * interval));
    canary.push(source[from + 2 * i + 1] * multiplier);
  }
  return { baseline, canary, before };
}

/**
 * ICNA: at the end of each interval, judge the canary against the baseline over the same time (the step so
 * far, at most `window` intervals back); roll back at the first failed judgement.
 */
export function icnaPolicy(config: JudgeConfig, window = 3): RollbackPolicy {
  return (c, metric, interval) => {
    const only = { ...config, metrics: config.metrics.filter((m) => m.name === metric) };
    for (let end = interval; end <= c.canary.length; end += interval) {
      const from = Math.max(0, end - window * interval);
      const result = judge({ [metric]: c.baseline.slice(from, end) }, { [metric]: c.canary.slice(from, end) }, only);
      if (result.verdict === "fail") return end;
    }
    return undefined;
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Argo Rollouts' AnalysisRun with its defaults (failureLimit 0: the first failed measurement aborts): one
 * measurement per interval (the canary's mean over it) against a fixed threshold set from the live
 * colour before the release at (1 + allowance) × its mean.
 */
export function argoPolicy(allowance: number, failureLimit = 0): RollbackPolicy {
  return (c, _metric, interval) => {
    const threshold = (1 + allowance) * mean(c.before);
    let failures = 0;
    for (let end = interval; end <= c.canary.length; end += interval) {
      if (mean(c.canary.slice(end - interval, end)) > threshold && ++failures > failureLimit) return end;
    }
    return undefined;
  };
}

/**
 * Flagger's defaults (a check every minute, rollback after `threshold` = 5 failed checks): each sample of
 * the canary against the same fixed threshold as Argo's.
 */
export function flaggerPolicy(allowance: number, failedChecks = 5): RollbackPolicy {
  return (c) => {
    const threshold = (1 + allowance) * mean(c.before);
    let failures = 0;
    for (let i = 0; i < c.canary.length; i++) if (c.canary[i] > threshold && ++failures >= failedChecks) return i + 1;
    return undefined;
  };
}
