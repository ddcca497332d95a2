import type { CostMatrix } from "./cost-matrix";

/**
 * NAB's normalised score: 0 for the null detector (every scored window missed) and 100 for a perfect one
 * (every window detected at its left edge). As in NAB's runner, the null score counts only the windows with a
 * row after the probation period (`scoredWindows`: a window inside it is never missed), the perfect one all.
 */
export function normaliseScore(rawScore: number, windowCount: number, cost: CostMatrix, scoredWindows: number = windowCount): number {
  const nullScore = -cost.fnWeight * scoredWindows;
  const perfect = cost.tpWeight * windowCount;
  return (100 * (rawScore - nullScore)) / (perfect - nullScore);
}
