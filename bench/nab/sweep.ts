import type { CostMatrix } from "./cost-matrix";
import type { LabelledSeries } from "./labelled-series";
import { probationLength } from "./probation";
import { scaledSigmoid } from "./scaled-sigmoid";

/** Row role in the sweep: a window index (≥ 0), outside every window, or inside the probation period. */
export const OUTSIDE_WINDOW = -1;
export const IN_PROBATION = -2;

/**
 * Every row of one series with what it would be worth if it were a detection: inside a window, the
 * scaled-sigmoid reward of detecting there; outside, the (negative) cost of a false positive there.
 */
export interface SweptSeries {
  readonly name: string;
  readonly anomalyScores: Float64Array;
  /** Weighted NAB contribution of a detection on this row. */
  readonly rowValue: Float64Array;
  /** Window index within this series, OUTSIDE_WINDOW, or IN_PROBATION. */
  readonly role: Int32Array;
  /** Number of windows in this series. */
  readonly windowCount: number;
}

function indexOfTimestamp(series: LabelledSeries, timestamp: number, edge: string): number {
  const index = series.timestamps.indexOf(timestamp);
  if (index < 0) throw new Error(`${series.name}: window ${edge} ${new Date(timestamp).toISOString()} is not a row timestamp`);
  return index;
}

/** Computes each row's value as a detection (NAB's sweep), given the detector's anomaly scores. */
export function sweepSeries(series: LabelledSeries, anomalyScores: ArrayLike<number>, cost: CostMatrix): SweptSeries {
  const n = series.timestamps.length;
  if (anomalyScores.length !== n) throw new Error(`${series.name}: ${anomalyScores.length} anomaly scores for ${n} rows`);
  const maxTp = scaledSigmoid(-1);
  const probation = probationLength(n);
  const rowValue = new Float64Array(n);
  const role = new Int32Array(n);
  const bounds = series.windows.map(([start, end]) => [indexOfTimestamp(series, start, "start"), indexOfTimestamp(series, end, "end")] as const);

  let next = 0;
  let current = -1;
  let previousEnd = -1;
  let previousWidth = 0;
  for (let i = 0; i < n; i++) {
    if (current < 0 && next < bounds.length && i === bounds[next][0]) current = next++;
    if (current >= 0) {
      const [start, end] = bounds[current];
      const width = end - start + 1;
      rowValue[i] = (scaledSigmoid(-(end - i + 1) / width) * cost.tpWeight) / maxTp;
    } else {
      const unweighted = previousEnd < 0 ? -1 : scaledSigmoid(Math.abs(previousEnd - i) / (previousWidth - 1));
      rowValue[i] = unweighted * cost.fpWeight;
    }
    role[i] = i < probation ? IN_PROBATION : current >= 0 ? current : OUTSIDE_WINDOW;
    if (current >= 0 && i === bounds[current][1]) {
      previousEnd = i;
      previousWidth = bounds[current][1] - bounds[current][0] + 1;
      current = -1;
    }
  }
  return { name: series.name, anomalyScores: Float64Array.from(anomalyScores), rowValue, role, windowCount: bounds.length };
}
