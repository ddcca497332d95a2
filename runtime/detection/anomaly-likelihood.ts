import { normalTailSurprise } from "./normal-tail";
import { RingBuffer } from "./ring-buffer";

/** Tuning of the anomaly likelihood that turns a detector's raw statistic into a [0, 1] score. */
export interface AnomalyLikelihoodOptions {
  /** Smoothed statistics remembered as "usual" for this series. @default 8640 */
  readonly history: number;
  /** Raw statistics averaged into the current reading: a lasting change outweighs a lone outlier. @default 30 */
  readonly smoothing: number;
  /** Smoothed statistics needed before any score above 0. @default 150 */
  readonly warmup: number;
  /** -log10 tail probability that maps to score 1 (10 means "1 in 10¹⁰"). @default 10 */
  readonly saturation: number;
  /** Floor of the usual mean, so a detector that is almost always silent is not alarmed by a whisper. @default 0.03 */
  readonly minMean: number;
  /** Floor of the usual standard deviation, for the same reason. @default 0.0173 */
  readonly minStd: number;
}

export const ANOMALY_LIKELIHOOD_DEFAULTS: AnomalyLikelihoodOptions = { history: 8640, smoothing: 30, warmup: 150, saturation: 10, minMean: 0.03, minStd: 0.0173 };

/**
 * Anomaly likelihood (after Numenta's HTM post-processing): the short-term average of a detector's raw
 * statistic, against a normal fit of the same average over a long window of this series' past. The
 * score is -log10 of the tail probability over `saturation`, so a detector that is noisy on this series
 * only scores high when it is unusually loud for a while, and scores from different detectors and
 * series are comparable.
 */
export class AnomalyLikelihood {
  private readonly past: RingBuffer;
  private readonly recent: RingBuffer;
  private recentSum = 0;
  private sum = 0;
  private sumSquares = 0;

  constructor(private readonly options: AnomalyLikelihoodOptions = ANOMALY_LIKELIHOOD_DEFAULTS) {
    this.past = new RingBuffer(options.history);
    this.recent = new RingBuffer(options.smoothing);
  }

  /** Scores a raw statistic against the past ones, then remembers it. */
  update(raw: number): number {
    const dropped = this.recent.push(raw);
    this.recentSum += raw - (dropped ?? 0);
    const smoothed = this.recentSum / this.recent.length;

    let score = 0;
    const n = this.past.length;
    if (n >= this.options.warmup) {
      const mean = this.sum / n;
      const variance = Math.max(this.sumSquares / n - mean * mean, 0);
      const z = (smoothed - Math.max(mean, this.options.minMean)) / Math.max(Math.sqrt(variance), this.options.minStd);
      if (z > 0) score = Math.min(1, normalTailSurprise(z) / this.options.saturation);
    }
    const evicted = this.past.push(smoothed);
    this.sum += smoothed - (evicted ?? 0);
    this.sumSquares += smoothed * smoothed - (evicted ?? 0) ** 2;
    return score;
  }
}
