import type { CostMatrix } from "./cost-matrix";
import { IN_PROBATION, OUTSIDE_WINDOW, type SweptSeries } from "./sweep";

/** The raw NAB score of a detector at one threshold (detections are rows with anomaly score ≥ threshold). */
export interface ThresholdScore {
  readonly threshold: number;
  /** Raw (unnormalised) NAB score summed over the series. */
  readonly score: number;
  /** Scored rows flagged inside a window. */
  readonly tp: number;
  /** Scored rows not flagged outside every window. */
  readonly tn: number;
  /** Scored rows flagged outside every window. */
  readonly fp: number;
  /** Scored rows not flagged inside a window. */
  readonly fn: number;
}

/** Scores series at a fixed threshold: each window counts once, by its best (earliest) detection. */
export function scoreAtThreshold(series: readonly SweptSeries[], cost: CostMatrix, threshold: number): ThresholdScore {
  let score = 0;
  let tp = 0;
  let tn = 0;
  let fp = 0;
  let fn = 0;
  for (const s of series) {
    const best = new Float64Array(s.windowCount).fill(-Infinity);
    const scorable = new Uint8Array(s.windowCount);
    for (let i = 0; i < s.role.length; i++) {
      const role = s.role[i];
      if (role === IN_PROBATION) continue;
      const detected = s.anomalyScores[i] >= threshold;
      if (role === OUTSIDE_WINDOW) {
        if (detected) {
          fp++;
          score += s.rowValue[i];
        } else tn++;
        continue;
      }
      scorable[role] = 1;
      if (detected) {
        tp++;
        if (s.rowValue[i] > best[role]) best[role] = s.rowValue[i];
      } else fn++;
    }
    for (let w = 0; w < s.windowCount; w++) {
      if (scorable[w]) score += Math.max(-cost.fnWeight, best[w]);
    }
  }
  return { threshold, score, tp, tn, fp, fn };
}

/**
 * Every distinct threshold's score over the whole corpus, highest threshold first, starting above every
 * score (nothing detected). One pass over the rows sorted by anomaly score, as NAB's sweeper does.
 */
export function scoresByThreshold(series: readonly SweptSeries[], cost: CostMatrix): ThresholdScore[] {
  type Row = { anomalyScore: number; value: number; window: number };
  const rows: Row[] = [];
  let windowOffset = 0;
  const windowBest: number[] = [];
  let tn = 0;
  let fn = 0;
  for (const s of series) {
    for (let i = 0; i < s.role.length; i++) {
      const role = s.role[i];
      if (role === IN_PROBATION) continue;
      const window = role === OUTSIDE_WINDOW ? -1 : windowOffset + role;
      if (window >= 0) {
        windowBest[window] = -cost.fnWeight;
        fn++;
      } else tn++;
      rows.push({ anomalyScore: s.anomalyScores[i], value: s.rowValue[i], window });
    }
    windowOffset += s.windowCount;
  }
  rows.sort((a, b) => b.anomalyScore - a.anomalyScore);

  let windowTotal = windowBest.reduce((sum, v) => sum + (v ?? 0), 0);
  let fpTotal = 0;
  let tp = 0;
  let fp = 0;
  let threshold = Number.POSITIVE_INFINITY;
  const results: ThresholdScore[] = [];
  const record = (): void => void results.push({ threshold, score: windowTotal + fpTotal, tp, tn, fp, fn });
  for (const row of rows) {
    if (row.anomalyScore !== threshold) {
      record();
      threshold = row.anomalyScore;
    }
    if (row.window < 0) {
      fp++;
      tn--;
      fpTotal += row.value;
    } else {
      tp++;
      fn--;
      const previous = windowBest[row.window];
      if (row.value > previous) {
        windowBest[row.window] = row.value;
        windowTotal += row.value - previous;
      }
    }
  }
  record();
  return results;
}

/** The corpus-wide best threshold (NAB's optimiser); ties go to the highest threshold. */
export function optimiseThreshold(series: readonly SweptSeries[], cost: CostMatrix): ThresholdScore {
  let best: ThresholdScore | undefined;
  for (const candidate of scoresByThreshold(series, cost)) {
    if (best === undefined || candidate.score > best.score) best = candidate;
  }
  if (best === undefined) throw new Error("cannot optimise a threshold over an empty corpus");
  return best;
}
