/** Upper tail probability of the standard normal, Q(z) = P(Z > z) (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** -log10 Q(z), accurate in the far tail too (asymptotic expansion beyond z = 5), so tiny tails stay ordered. */
export function normalTailSurprise(z: number): number {
  if (z < 5) return -Math.log10(normalTail(z));
  const lnQ = -0.5 * z * z - Math.log(z * Math.sqrt(2 * Math.PI)) + Math.log(1 - 1 / (z * z) + 3 / z ** 4);
  return -lnQ / Math.LN10;
}
