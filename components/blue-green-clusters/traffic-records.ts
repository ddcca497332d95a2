/** The two deployment colours. */
export type Colour = "blue" | "green";

/** One Route 53 weighted record of the traffic switch. */
export interface WeightedRecordSpec {
  readonly colour: Colour;
  readonly weight: number;
  /** Where the colour's traffic goes: the per-colour origin that the cluster's ingress (external-dns) owns. */
  readonly target: string;
}

/**
 * The weighted records for the platform hostname: one per enabled colour, CNAME to `<colour>.<hostname>`.
 * Weights only ever feed these records, so changing them touches nothing else.
 */
export function weightedRecords(hostname: string, weights: Readonly<Record<Colour, number>>, enabled: Readonly<Record<Colour, boolean>>): WeightedRecordSpec[] {
  if (weights.blue === 0 && weights.green === 0) {
    throw new Error("blue and green weights are both 0: Route 53 would split traffic evenly instead of sending none");
  }
  return (["blue", "green"] as const).filter((colour) => enabled[colour]).map((colour) => ({ colour, weight: weights[colour], target: `${colour}.${hostname}` }));
}
