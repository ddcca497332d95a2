import { probationLength } from "./probation";

/** A series labelled point by point (1 = anomalous), before NAB's windows are laid. */
export interface PointLabelledSeries {
  /** Corpus-relative name, `<category>/<file>.csv`. */
  readonly name: string;
  /** Epoch milliseconds, ascending. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** 1 where the row is labelled anomalous, else 0. */
  readonly labels: ArrayLike<number>;
}

/** NAB's window size: 10% of the series' length, shared among its anomalies (`windowSize` in NAB's labeler). */
export const NAB_WINDOW_SHARE = 0.1;

/**
 * The anomalies of a point-labelled series: one per run of consecutive labelled rows, at the run's first
 * row (its onset: NAB rewards detecting an anomaly early, and an incident starts at its onset).
 */
export function anomalyOnsets(labels: ArrayLike<number>): number[] {
  const onsets: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1 && (i === 0 || labels[i - 1] !== 1)) onsets.push(i);
  return onsets;
}

/**
 * NAB's rule for windows from anomalies (numenta/NAB `labeler.py`, applyWindows + checkWindows): each window
 * is `floor(0.1 × rows / anomalies)` rows wide, centred on its anomaly and clipped to the series; a first
 * window that starts inside the probation period is dropped; overlapping windows are merged.
 * Returns [first row, last row] pairs.
 */
export function nabWindows(rowCount: number, onsets: readonly number[]): Array<[number, number]> {
  if (onsets.length === 0) return [];
  const width = Math.floor((NAB_WINDOW_SHARE * rowCount) / onsets.length);
  const windows = onsets.map((a): [number, number] => [Math.max(Math.floor(a - width / 2), 0), Math.min(Math.floor(a + width / 2), rowCount - 1)]);
  if (windows[0][0] < probationLength(rowCount)) windows.shift();
  const merged: Array<[number, number]> = [];
  for (const window of windows) {
    const last = merged[merged.length - 1];
    if (last !== undefined && window[0] <= last[1]) last[1] = Math.max(last[1], window[1]);
    else merged.push([window[0], window[1]]);
  }
  return merged;
}
