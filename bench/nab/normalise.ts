import type { CostMatrix } from "./cost-matrix";

/**
 * NAB's normalised score: 0 for the null detector (every window missed) and 100 for a perfect one
 * (every window detected at its left edge).
 */
export function normaliseScore(rawScore: number, windowCount: number, cost: CostMatrix): number {
  const nullScore = -cost.fnWeight * windowCount;
  const perfect = cost.tpWeight * windowCount;
  return (100 * (rawScore - nullScore)) / (perfect - nullScore);
}
