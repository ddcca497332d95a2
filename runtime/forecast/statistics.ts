/** Sorts a copy of the finite values. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** Linear-interpolated quantile of already sorted values (q in [0, 1]); NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedFinite(values), 0.5);
}

/** Median absolute deviation from the median, of the finite values. */
export function medianAbsoluteDeviation(values: ArrayLike<number>): number {
  const center = median(values);
  const deviations: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) deviations.push(Math.abs(values[i] - center));
  return median(deviations);
}
