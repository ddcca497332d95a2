/** The nearest-rank q-quantile (the value at rank ⌊q·n⌋ of the sorted values, q in [0, 1]); NaN when empty. */
export function nearestRankQuantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
