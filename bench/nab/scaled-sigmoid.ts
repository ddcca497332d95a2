/**
 * NAB's position weighting. A relative position of -1 is the left edge of a window (≈ +0.987), 0 its right
 * edge (0), +1 one window-width past it (≈ -0.987); beyond +3 a false positive costs the full -1.
 */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition > 3) return -1;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}
