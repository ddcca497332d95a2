import { median } from "./statistics";

/** A variance-stabilising transform applied before modelling and undone on the forecast. */
export interface ValueTransform {
  readonly name: "identity" | "log";
  forward(value: number): number;
  inverse(value: number): number;
}

export const IDENTITY: ValueTransform = { name: "identity", forward: (v) => v, inverse: (v) => v };

/**
 * log(y + c) for non-negative series, with c a tenth of the median so that near-zero values do not
 * dominate (multiplicative seasonality becomes additive). Undefined when the series has negatives.
 */
export function logTransformFor(values: Float64Array): ValueTransform | undefined {
  let min = Infinity;
  for (const v of values) if (Number.isFinite(v) && v < min) min = v;
  if (!(min >= 0)) return undefined;
  const mid = median(values);
  const offset = Math.max(mid * 0.1, 1e-6);
  return {
    name: "log",
    forward: (v) => Math.log(v + offset),
    inverse: (z) => Math.max(Math.exp(z) - offset, 0),
  };
}
