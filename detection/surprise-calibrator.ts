import { normalTailSurprise } from "./normal-tail";
import { RingBuffer } from "./ring-buffer";

/** Tuning of the calibration from a detector's raw statistic to a [0, 1] score. */
export interface SurpriseOptions {
  /** Raw statistics remembered to learn what is usual for this series. @default 2000 */
  readonly history: number;
  /** Raw statistics averaged for the current reading (smooths single-sample noise). @default 1 */
  readonly smoothing: number;
  /** Raw statistics needed before any score above 0. @default 100 */
  readonly warmup: number;
  /** -log10 tail probability that maps to score 1 (so 8 means "1 in 10⁸"). @default 8 */
  readonly saturation: number;
  /**
   * "record": the raw statistic against the decaying maximum of its own past (score 0.5 = as surprising as
   * the worst recent point, → 1 far beyond it); "likelihood": a normal fit of past raw statistics.
   * @default "record"
   */
  readonly mode: "likelihood" | "record";
  /** Half-life, in points, of the remembered maximum in "record" mode. @default 300 */
  readonly recordHalfLife: number;
}

export const SURPRISE_DEFAULTS: SurpriseOptions = { history: 2000, smoothing: 1, warmup: 100, saturation: 8, mode: "record", recordHalfLife: 300 };

/**
 * Anomaly likelihood: how improbable the current raw statistic is given the distribution of the same
 * detector's recent raw statistics on this series (a normal fit over a rolling window), as -log10 of the
 * tail probability scaled to [0, 1]. This makes scores from different detectors and series comparable.
 */
export class SurpriseCalibrator {
  private readonly past: RingBuffer;
  private readonly recent: RingBuffer;
  private sum = 0;
  private record = 0;
  private seen = 0;
  private sumSquares = 0;

  constructor(private readonly options: SurpriseOptions = SURPRISE_DEFAULTS) {
    this.past = new RingBuffer(options.history);
    this.recent = new RingBuffer(options.smoothing);
  }

  /** Scores a raw statistic against the past ones, then remembers it. Returns the score and the tail z. */
  update(raw: number): { score: number; z: number } {
    this.recent.push(raw);
    let short = 0;
    for (let i = 0; i < this.recent.length; i++) short += this.recent.at(i);
    short /= this.recent.length;

    let result = { score: 0, z: 0 };
    if (this.options.mode === "record") {
      this.seen++;
      const ratio = this.record > 0 ? short / this.record : 0;
      if (this.seen > this.options.warmup) result = { score: Math.min(1, ratio / (1 + ratio)), z: ratio };
      this.record = Math.max(short, this.record * Math.pow(0.5, 1 / this.options.recordHalfLife));
      return result;
    }
    const n = this.past.length;
    if (n >= this.options.warmup) {
      const mean = this.sum / n;
      const variance = Math.max(this.sumSquares / n - mean * mean, 0);
      const std = Math.max(Math.sqrt(variance), 1e-6, 0.05 * Math.abs(mean));
      const z = (short - mean) / std;
      result = { score: Math.min(1, Math.max(0, normalTailSurprise(z) / this.options.saturation)), z };
    }
    const evicted = this.past.push(raw);
    this.sum += raw;
    this.sumSquares += raw * raw;
    if (evicted !== undefined) {
      this.sum -= evicted;
      this.sumSquares -= evicted * evicted;
    }
    return result;
  }
}
