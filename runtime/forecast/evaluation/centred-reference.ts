import type { RegularSeries } from "../regular-series";
import { AccuracyAccumulator } from "./accuracy";
import { rollingOrigins, type RollingOriginOptions } from "./rolling-origin";

/** Neighbours within this many minutes either side of a target (at least one step) are averaged. */
export const REFERENCE_HALF_WIDTH_MINUTES = 15;

/**
 * The centred reference for the target at `index`: the mean of its observed neighbours within
 * ±`halfWidthSteps`, itself excluded (NaN when it has none). It is not a forecaster — it sees the
 * future on one side — but its error is a yardstick of the series' step-to-step noise: on a smooth
 * series a forecast from the past alone is not expected to beat it by much (on a spiky one, where
 * the neighbours' mean is itself a poor guess, it is no bound).
 */
export function centredReference(values: Float64Array, index: number, halfWidthSteps: number): number {
  let sum = 0;
  let count = 0;
  for (let k = -halfWidthSteps; k <= halfWidthSteps; k++) {
    const v = values[index + k];
    if (k !== 0 && v !== undefined && Number.isFinite(v)) [sum, count] = [sum + v, count + 1];
  }
  return count > 0 ? sum / count : NaN;
}

/** The centred reference scored on the same targets as {@link evaluateRollingOrigin} scores the forecasters on. */
export function centredReferenceAccuracy(series: RegularSeries, options: Pick<RollingOriginOptions, "horizons" | "origins" | "testFraction">): AccuracyAccumulator[] {
  const halfWidth = Math.max(1, Math.round((REFERENCE_HALF_WIDTH_MINUTES * 60) / series.stepSeconds));
  const origins = rollingOrigins(series, options);
  return options.horizons.map((h) => {
    const accuracy = new AccuracyAccumulator();
    for (const origin of origins) accuracy.add(series.values[origin + h], centredReference(series.values, origin + h, halfWidth));
    return accuracy;
  });
}
