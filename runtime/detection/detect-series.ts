import { AnomalyEnsemble, ENSEMBLE_DEFAULTS, type EnsembleOptions, type PointScore } from "./ensemble";
import type { SeriesRows } from "../forecast/series-csv";

/** One scored point, as `icna detect` reports it. */
export interface ScoredPoint {
  /** ISO 8601 timestamp. */
  readonly timestamp: string;
  readonly value: number;
  /** Anomaly score in [0, 1]. */
  readonly score: number;
  /** Which detector drove the score, and the band that was expected. */
  readonly reason: string;
}

function formatNumber(x: number): string {
  return Math.abs(x) >= 1000 || Number.isInteger(x) ? x.toFixed(0) : x.toPrecision(4);
}

/** Explains a point's score in words: which detector, which way, and the expected band. */
export function explain(value: number, point: PointScore): string {
  const band = point.expected ? ` (expected ${formatNumber(point.expected.low)}…${formatNumber(point.expected.high)})` : "";
  if (point.rawScore < 0.05) return `as expected${band}`;
  const way = point.direction === "up" ? "above" : point.direction === "down" ? "below" : "off";
  const repeat = point.score < point.rawScore ? ", continuing an episode already reported" : "";
  const judged = point.judged === undefined ? "" : ` (${point.judged.what} ${formatNumber(point.judged.value)})`;
  return `${point.kind}: ${formatNumber(value)}${judged} ${way} expectation${band}, by ${point.detector}${repeat}`;
}

/** Scores every row of a series in file order (repeated timestamps included), each from the past only. */
export function detectSeries(series: Pick<SeriesRows, "timestamps" | "values">, options: EnsembleOptions = ENSEMBLE_DEFAULTS): ScoredPoint[] {
  const ensemble = new AnomalyEnsemble(options);
  return series.values.map((value, i) => {
    const point = ensemble.update(series.timestamps[i], value);
    return { timestamp: new Date(series.timestamps[i]).toISOString(), value, score: Number(point.score.toFixed(4)), reason: explain(value, point) };
  });
}
