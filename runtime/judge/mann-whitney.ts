import { normalTail } from "../detection/normal-tail";

/** Result of a Mann–Whitney rank-sum test of `canary` against `baseline`. */
export interface RankSumTest {
  /** U statistic of the canary sample (number of (canary, baseline) pairs where canary is larger, ties half). */
  readonly u: number;
  /** Standardised U with tie and continuity correction (> 0: canary tends to be larger). */
  readonly z: number;
  /** One-sided p-value for "canary larger". */
  readonly pGreater: number;
  /** One-sided p-value for "canary smaller". */
  readonly pLess: number;
  /** Two-sided p-value. */
  readonly pTwoSided: number;
  /** Rank-biserial correlation in [-1, 1]: P(canary > baseline) - P(canary < baseline). */
  readonly rankBiserial: number;
}

/**
 * Mann–Whitney U test (normal approximation with the tie-corrected variance and a continuity
 * correction), as Kayenta's judge uses per metric. Both samples must be non-empty.
 */
export function mannWhitney(baseline: readonly number[], canary: readonly number[]): RankSumTest {
  const n1 = canary.length;
  const n2 = baseline.length;
  if (n1 === 0 || n2 === 0) throw new Error("mannWhitney needs two non-empty samples");
  const pooled = [...canary.map((v) => ({ v, canary: true })), ...baseline.map((v) => ({ v, canary: false }))].sort((a, b) => a.v - b.v);
  const n = n1 + n2;
  let canaryRankSum = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && pooled[j + 1].v === pooled[i].v) j++;
    const rank = (i + j) / 2 + 1;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) if (pooled[k].canary) canaryRankSum += rank;
    i = j + 1;
  }
  const u = canaryRankSum - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const rankBiserial = (2 * u) / (n1 * n2) - 1;
  if (variance <= 0) return { u, z: 0, pGreater: 1, pLess: 1, pTwoSided: 1, rankBiserial };
  const sd = Math.sqrt(variance);
  const zGreater = (u - mean - 0.5) / sd;
  const zLess = (mean - u - 0.5) / sd;
  const pGreater = normalTail(zGreater);
  const pLess = normalTail(zLess);
  return { u, z: (u - mean) / sd, pGreater, pLess, pTwoSided: Math.min(1, 2 * Math.min(pGreater, pLess)), rankBiserial };
}
