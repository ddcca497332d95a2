import { median } from "./statistics";

/** A variance-stabilising transform applied before modelling and undone on the forecast. */
export interface ValueTransform {
  readonly name: "identity" | "log";
  forward(value: number): number;
  inverse(value: number): number;
}

export const IDENTITY: ValueTransform = { name: "identity", forward: (v) => v, inverse: (v) => v };

/**
 * The log offset as a fraction of the median. Small enough that the transform stays multiplicative
 * far below the typical level (a night, a storm, a travel ban at 1% of normal traffic), large enough
 * that zeros and near-zero noise do not dominate.
 */
const LOG_OFFSET_OF_MEDIAN = 0.03;

/**
 * log(y + c) for non-negative series, with c = 3% of the median (see {@link LOG_OFFSET_OF_MEDIAN}):
 * multiplicative seasonality becomes additive. Undefined when the series has negatives.
 */
export function logTransformFor(values: Float64Array): ValueTransform | undefined {
  let min = Infinity;
  for (const v of values) if (Number.isFinite(v) && v < min) min = v;
  if (!(min >= 0)) return undefined;
  const mid = median(values);
  const offset = Math.max(mid * LOG_OFFSET_OF_MEDIAN, 1e-6);
  return {
    name: "log",
    forward: (v) => Math.log(v + offset),
    inverse: (z) => Math.max(Math.exp(z) - offset, 0),
  };
}
