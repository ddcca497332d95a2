import { quantileSorted } from "../forecast/statistics";
import { normalQuantile } from "./normal-quantile";

/** Hodges–Lehmann shift of canary over baseline with its distribution-free confidence interval. */
export interface ShiftEstimate {
  /** Median of all pairwise differences canary − baseline. */
  readonly shift: number;
  readonly low: number;
  readonly high: number;
  /** Confidence level of [low, high], e.g. 0.95. */
  readonly confidence: number;
}

/**
 * The Hodges–Lehmann estimator and its Moses confidence interval: order statistics of the n·m pairwise
 * differences at ranks k and n·m − k + 1, with k from the normal approximation of the U distribution.
 */
export function hodgesLehmann(baseline: readonly number[], canary: readonly number[], confidence = 0.95): ShiftEstimate {
  const n = canary.length;
  const m = baseline.length;
  if (n === 0 || m === 0) throw new Error("hodgesLehmann needs two non-empty samples");
  const diffs = new Float64Array(n * m);
  let k = 0;
  for (const c of canary) for (const b of baseline) diffs[k++] = c - b;
  diffs.sort();
  const total = diffs.length;
  const shift = quantileSorted(diffs, 0.5);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const rank = Math.floor((n * m) / 2 - z * Math.sqrt((n * m * (n + m + 1)) / 12));
  const lowIndex = Math.min(Math.max(rank, 1), total) - 1;
  const highIndex = Math.max(Math.min(total - rank + 1, total), 1) - 1;
  return { shift, low: diffs[lowIndex], high: diffs[highIndex], confidence };
}
