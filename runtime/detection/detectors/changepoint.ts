import { logGamma } from "../../math/log-gamma";
import type { DetectorReading, StreamingDetector } from "../detector";

/** Normal-inverse-gamma prior of the mean and variance of a segment (before it has seen any point). */
export interface SegmentPrior {
  readonly mean: number;
  /** Pseudo-observations behind the prior mean. */
  readonly meanWeight: number;
  /** Shape of the inverse-gamma prior of the variance. */
  readonly shape: number;
  /** Scale of the inverse-gamma prior of the variance. */
  readonly rate: number;
}

/** Tuning of the run-length changepoint detector. */
export interface ChangepointOptions {
  /** Expected points between changepoints (the hazard is its inverse). @default 1000 */
  readonly meanRunLength: number;
  /** Longest run length tracked; longer runs are folded away, which bounds the cost per point. @default 250 */
  readonly maxRunLength: number;
  /**
   * @default { mean: 0, meanWeight: 1, shape: 0.1, rate: 0.001 } (NAB's). A segment's first point, `x`, pulls its
   * mean from 0 and adds x²/4 to its spread, so a segment's noise is judged against its level: a change is a
   * change relative to the level, whatever the series' unit. (A prior centred on the data, with the series' noise
   * as its spread, scored 27–43 instead of 75 on the KPI corpus: it fires on every wiggle of a quiet series.)
   */
  readonly prior: SegmentPrior;
}

export const CHANGEPOINT_DEFAULTS: ChangepointOptions = {
  meanRunLength: 1000,
  maxRunLength: 250,
  prior: { mean: 0, meanWeight: 1, shape: 0.1, rate: 0.001 },
};

/**
 * Changes in level or spread by Bayesian online changepoint detection (Adams and MacKay, 2007): a posterior
 * over the run length (points since the last change), each run with a Student-t prediction from its own
 * conjugate normal model. The raw statistic is how far the most probable run length fell on this point,
 * relative to where it was (1 when a long stable run just ended; 0 while the run goes on), the scoring NAB's
 * Bayes changepoint detector uses. It knows no scale, season or warm-up: a segment is whatever the data say.
 */
export class ChangepointDetector implements StreamingDetector {
  readonly name = "changepoint";
  readonly catches = "change point";
  private readonly hazard: number;
  private readonly size: number;
  /** Run-length posterior after the last point (entries 0..tracked). */
  private runProbability: Float64Array;
  private nextProbability: Float64Array;
  /** Posterior parameters of each run length's segment model. */
  private readonly mean: Float64Array;
  private readonly meanWeight: Float64Array;
  private readonly shape: Float64Array;
  private readonly rate: Float64Array;
  /** ln Γ(shape + ½) − ln Γ(shape) for each run length: the shape depends on the run length only. */
  private readonly logGammaRatio: Float64Array;
  private tracked = 0;
  private previousMostProbable = 1;

  constructor(private readonly options: ChangepointOptions = CHANGEPOINT_DEFAULTS) {
    if (!(options.meanRunLength > 1)) throw new Error(`changepoint.meanRunLength must be > 1 (got ${options.meanRunLength})`);
    if (!Number.isInteger(options.maxRunLength) || options.maxRunLength < 1) throw new Error(`changepoint.maxRunLength must be a positive integer (got ${options.maxRunLength})`);
    this.hazard = 1 / options.meanRunLength;
    this.size = options.maxRunLength + 2;
    this.runProbability = new Float64Array(this.size);
    this.nextProbability = new Float64Array(this.size);
    this.mean = new Float64Array(this.size);
    this.meanWeight = new Float64Array(this.size);
    this.shape = new Float64Array(this.size);
    this.rate = new Float64Array(this.size);
    this.logGammaRatio = new Float64Array(this.size);
    for (let r = 0; r < this.size; r++) {
      const shape = options.prior.shape + r / 2;
      this.logGammaRatio[r] = logGamma(shape + 0.5) - logGamma(shape);
    }
    this.runProbability[0] = 1;
    this.resetPrior();
  }

  update(_timestampMs: number, value: number): DetectorReading {
    const last = this.tracked;
    const before = this.mostProbable(this.runProbability, last);
    const expected = this.band(before);

    const next = this.nextProbability;
    next.fill(0, 0, last + 2);
    let change = 0;
    let total = 0;
    for (let r = 0; r <= last; r++) {
      const joint = this.runProbability[r] * Math.exp(this.logPredictive(r, value));
      next[r + 1] = joint * (1 - this.hazard);
      change += joint * this.hazard;
    }
    next[0] = change;
    for (let r = 0; r <= last + 1; r++) total += next[r];
    if (total > 0 && Number.isFinite(total)) for (let r = 0; r <= last + 1; r++) next[r] /= total;
    else {
      // Every run found the point impossible (it underflowed): start a new segment.
      next.fill(0, 0, last + 2);
      next[0] = 1;
    }
    [this.runProbability, this.nextProbability] = [next, this.runProbability];

    this.learn(value, last);
    this.tracked = Math.min(last + 1, this.options.maxRunLength);
    const mostProbable = this.mostProbable(this.runProbability, last + 1);
    const raw = mostProbable < this.previousMostProbable ? 1 - mostProbable / this.previousMostProbable : 0;
    this.previousMostProbable = mostProbable;
    const centre = this.mean[before];
    return { raw, expected, direction: raw === 0 || value === centre ? "none" : value > centre ? "up" : "down" };
  }

  /** Student-t log density of `value` under run length r's segment model. */
  private logPredictive(r: number, value: number): number {
    const degrees = 2 * this.shape[r];
    const scale2 = (this.rate[r] * (this.meanWeight[r] + 1)) / (this.shape[r] * this.meanWeight[r]);
    const z = value - this.mean[r];
    return this.logGammaRatio[r] - 0.5 * Math.log(degrees * Math.PI * scale2) - ((degrees + 1) / 2) * Math.log1p((z * z) / (degrees * scale2));
  }

  /** Each run's model absorbs the point and becomes the next run length's; run length 0 starts from the prior. */
  private learn(value: number, last: number): void {
    for (let r = Math.min(last + 1, this.size - 1); r >= 1; r--) {
      const mean = this.mean[r - 1];
      const weight = this.meanWeight[r - 1];
      this.mean[r] = (weight * mean + value) / (weight + 1);
      this.meanWeight[r] = weight + 1;
      this.shape[r] = this.shape[r - 1] + 0.5;
      this.rate[r] = this.rate[r - 1] + (weight * (value - mean) ** 2) / (2 * (weight + 1));
    }
    this.resetPrior();
  }

  private resetPrior(): void {
    const { prior } = this.options;
    this.mean[0] = prior.mean;
    this.meanWeight[0] = prior.meanWeight;
    this.shape[0] = prior.shape;
    this.rate[0] = prior.rate;
  }

  private mostProbable(probability: Float64Array, last: number): number {
    let best = 0;
    for (let r = 1; r <= last; r++) if (probability[r] > probability[best]) best = r;
    return best;
  }

  /** Three predictive scales around the most probable run's mean (none before that run has seen a point). */
  private band(r: number): DetectorReading["expected"] {
    if (r === 0) return undefined;
    const scale = Math.sqrt((this.rate[r] * (this.meanWeight[r] + 1)) / (this.shape[r] * this.meanWeight[r]));
    return { low: this.mean[r] - 3 * scale, high: this.mean[r] + 3 * scale };
  }
}
