import type { SeriesCsv } from "./series-csv";

/** A series on a constant-step grid; a gap is NaN. Index i is at `startMs + i * stepSeconds * 1000`. */
export interface RegularSeries {
  readonly startMs: number;
  readonly stepSeconds: number;
  readonly values: Float64Array;
}

/** Places observations whose spacing is a whole multiple of the step onto the grid; missing steps become NaN. */
export function toRegularSeries(series: SeriesCsv): RegularSeries {
  const stepMs = series.stepSeconds * 1000;
  const startMs = series.timestamps[0];
  const length = Math.round((series.timestamps[series.timestamps.length - 1] - startMs) / stepMs) + 1;
  const values = new Float64Array(length).fill(NaN);
  series.timestamps.forEach((t, i) => {
    values[Math.round((t - startMs) / stepMs)] = series.values[i];
  });
  return { startMs, stepSeconds: series.stepSeconds, values };
}

/**
 * Bins irregular observations onto a grid of `stepSeconds` (aggregated by mean or sum), for sources
 * whose timestamps jitter or repeat. Empty bins are gaps (NaN) for "mean"; for "sum" an empty bin is a gap too.
 */
export function resampleToGrid(
  timestamps: readonly number[],
  values: readonly number[],
  stepSeconds: number,
  aggregate: "mean" | "sum",
): RegularSeries {
  const stepMs = stepSeconds * 1000;
  const startMs = Math.floor(timestamps[0] / stepMs) * stepMs;
  const length = Math.floor((timestamps[timestamps.length - 1] - startMs) / stepMs) + 1;
  const sums = new Float64Array(length);
  const counts = new Uint32Array(length);
  timestamps.forEach((t, i) => {
    const bin = Math.floor((t - startMs) / stepMs);
    sums[bin] += values[i];
    counts[bin]++;
  });
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = counts[i] === 0 ? NaN : aggregate === "sum" ? sums[i] : sums[i] / counts[i];
  return { startMs, stepSeconds, values: out };
}
