import type { DetectorReading, StreamingDetector } from "../detector";
import { formatDuration } from "../../prometheus/duration";
import { TimeWindowMean } from "../recent-mean";

/** Tuning of the range novelty detector. */
export interface RangeNoveltyOptions {
  /** Points seen before the range is trusted. @default 50 */
  readonly warmup: number;
  /**
   * The detector reads the mean of the values of the last `averageOverMs` milliseconds (the current one
   * included) instead of the raw value, so that a record means the same at any sampling step: a one-minute
   * series is judged on its five-minute mean, as a five-minute series is. `undefined` reads the raw value.
   * @default undefined
   */
  readonly averageOverMs?: number;
}

export const RANGE_NOVELTY_DEFAULTS: RangeNoveltyOptions = { warmup: 50 };

/**
 * Values never seen before: how far the point (or its recent mean) lies beyond the range of everything observed so far,
 * as a fraction of that range. Catches new highs and lows that a slowly adapting model would absorb.
 */
export class RangeNoveltyDetector implements StreamingDetector {
  readonly name = "range-novelty";
  readonly catches = "new extreme";
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private seen = 0;
  private readonly mean: TimeWindowMean | undefined;
  /** How an explanation names what the detector reads, when it is not the value itself. */
  private readonly reads: string | undefined;

  constructor(private readonly options: RangeNoveltyOptions = RANGE_NOVELTY_DEFAULTS) {
    this.mean = options.averageOverMs === undefined ? undefined : new TimeWindowMean(options.averageOverMs);
    this.reads = options.averageOverMs === undefined ? undefined : `mean over ${formatDuration(options.averageOverMs)}`;
  }

  update(timestampMs: number, raw: number): DetectorReading {
    const value = this.mean?.add(timestampMs, raw) ?? raw;
    const low = this.min;
    const high = this.max;
    this.seen++;
    this.min = Math.min(this.min, value);
    this.max = Math.max(this.max, value);
    if (this.seen <= this.options.warmup) return { raw: 0, direction: "none" };
    const range = Math.max(high - low, 1e-9 * Math.max(Math.abs(high), 1));
    const above = value > high ? (value - high) / range : 0;
    const below = value < low ? (low - value) / range : 0;
    return {
      raw: above + below,
      expected: { low, high },
      ...(this.reads === undefined ? {} : { judged: { what: this.reads, value } }),
      direction: above > 0 ? "up" : below > 0 ? "down" : "none",
    };
  }
}
