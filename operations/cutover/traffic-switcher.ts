import type { Colour } from "../../runtime/prometheus/colour-query";

/** Route 53 weights of the two colours' weighted records (0–255 each; never both 0). */
export interface Weights {
  readonly blue: number;
  readonly green: number;
}

/** The traffic state of a stack. */
export interface TrafficState {
  readonly weights: Weights;
  /** The colour serving production (the rollback target). */
  readonly live: Colour;
}

/** Moves traffic between the colours. The real one goes through the stack's config and `pulumi up`. */
export interface TrafficSwitcher {
  read(): Promise<TrafficState>;
  /** Applies the weights (and, when given, the new live colour) and returns once traffic follows them. */
  apply(weights: Weights, live?: Colour): Promise<void>;
}

/** Throws unless the weights are valid Route 53 weights that still send traffic somewhere. */
export function assertRoutable(weights: Weights): void {
  for (const colour of ["blue", "green"] as const) {
    const w = weights[colour];
    if (!Number.isInteger(w) || w < 0 || w > 255) throw new Error(`weight of ${colour} must be an integer 0–255, got ${w}`);
  }
  if (weights.blue === 0 && weights.green === 0) throw new Error("refusing to set both weights to 0: that would send no traffic anywhere");
}

/** Weights sending `percent` of traffic to `to` and the rest to the other colour. */
export function weightsFor(to: Colour, percent: number): Weights {
  const target = Math.round(percent);
  return to === "blue" ? { blue: target, green: 100 - target } : { blue: 100 - target, green: target };
}
