/** A series with its gaps filled, and which steps were really observed. */
export interface FilledSeries {
  readonly values: Float64Array;
  /** 1 where the value was observed, 0 where it was filled. */
  readonly observed: Uint8Array;
}

/** Gaps up to this many steps are bridged linearly; longer ones follow the series one day earlier. */
const LINEAR_GAP_STEPS = 3;

/**
 * Fills NaN gaps: short gaps linearly; long gaps with the value one season earlier shifted to meet
 * both edges (so a missing night looks like the previous night at today's level); leading gaps with
 * the first observation and trailing gaps with the last. Only values before and at the gap's right
 * edge are used, so filling is causal for any origin that is itself observed. Filled values stay within
 * the observed range.
 */
export function fillGaps(values: Float64Array, seasonPeriod: number | undefined): FilledSeries {
  const filled = Float64Array.from(values);
  const observed = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) observed[i] = Number.isFinite(values[i]) ? 1 : 0;
  const first = observed.indexOf(1);
  if (first < 0) return { values: filled.fill(0), observed };
  for (let i = 0; i < first; i++) filled[i] = values[first];
  let i = first;
  while (i < values.length) {
    if (observed[i]) {
      i++;
      continue;
    }
    const start = i;
    while (i < values.length && !observed[i]) i++;
    const end = i; // first observed index after the gap, or length
    const left = filled[start - 1];
    if (end === values.length) {
      for (let k = start; k < end; k++) filled[k] = left;
      break;
    }
    const right = values[end];
    const span = end - start + 1;
    const seasonal = seasonPeriod !== undefined && end - start > LINEAR_GAP_STEPS && start - 1 - seasonPeriod >= 0;
    if (!seasonal) {
      for (let k = start; k < end; k++) filled[k] = left + ((right - left) * (k - start + 1)) / span;
      continue;
    }
    const period = seasonPeriod!;
    const leftOffset = left - filled[start - 1 - period];
    for (let k = start; k < end; k++) filled[k] = filled[k - period] + leftOffset;
    const correction = right - (filled[end - period] + (end - period >= start ? 0 : leftOffset));
    for (let k = start; k < end; k++) filled[k] += (correction * (k - start + 1)) / span;
  }
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < values.length; k++) if (observed[k]) [low, high] = [Math.min(low, values[k]), Math.max(high, values[k])];
  for (let k = 0; k < values.length; k++) filled[k] = Math.min(high, Math.max(low, filled[k]));
  return { values: filled, observed };
}
