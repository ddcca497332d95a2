import { logGamma } from "../math/log-gamma";

function logBinomialPmf(k: number, n: number, p: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** log10 of P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k upwards (0 when k ≤ 0). */
export function log10BinomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 0;
  if (k > n) return Number.NEGATIVE_INFINITY;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return 0;
  // Terms fall away geometrically above the mean, so stop once they no longer matter.
  const first = logBinomialPmf(k, n, p);
  let sum = 1;
  let term = 1;
  for (let i = k; i < n; i++) {
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return Math.min(0, (first + Math.log(sum)) / Math.LN10);
}

/**
 * One-sided test that a Poisson rate rose: `incident` events over `incidentExposure` against
 * `baseline` events over `baselineExposure` (same unit). Conditioned on the total, the incident count
 * is Binomial(total, incidentExposure / (both exposures)) when the rates are equal; the result is
 * −log10 of the upper-tail p-value P(X ≥ incident), 0 when the incident rate is not above the baseline's.
 */
export function rateIncreaseScore(
  incident: number,
  incidentExposure: number,
  baseline: number,
  baselineExposure: number,
): number {
  if (!(incidentExposure > 0) || !(baselineExposure > 0)) throw new RangeError("exposures must be positive");
  const n = incident + baseline;
  const p = incidentExposure / (incidentExposure + baselineExposure);
  if (incident === 0 || incident <= n * p) return 0;
  return Math.max(0, -log10BinomialUpperTail(incident, n, p));
}
