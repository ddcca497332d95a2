import type { DetectorReading, StreamingDetector } from "../detector";
import { PointWindowMean, TimeWindowMean, type RecentMean } from "../recent-mean";
import { timeOfDayBucket } from "../time-of-day";

/** Tuning of the context novelty detector. */
export interface ContextNoveltyOptions {
  /** Points used to lay the quantisation grid (their range is split into `levels` bins). @default 300 */
  readonly warmup: number;
  /** Bins across the warm-up range; values beyond it fall in further bins of the same width. @default 8 */
  readonly levels: number;
  /** Longest context (number of preceding symbols) remembered. @default 6 */
  readonly maxOrder: number;
  /**
   * The detector reads the mean of the last `averageOver` values instead of the raw value: at 1 it sees
   * point-to-point patterns, at 4 the slower shape of the series, where noise no longer hides a change. @default 1
   */
  readonly averageOver?: number;
  /**
   * Values at most this many bins beyond the warm-up range fall in its edge bins: the warm-up extremes are
   * only the extremes of a sample, and noise just past them (more likely on a smoothed series, where the
   * sample range is tight) is not a new level. Further out, bins of the usual width. @default 0.5
   */
  readonly edgeTolerance?: number;
  /**
   * When set, the detector reads the mean of the values of the last `averageOverMs` milliseconds (the
   * current one included) instead of `averageOver` points, whatever the sampling step.
   */
  readonly averageOverMs?: number;
  /**
   * When above 0, each symbol also carries the bucket of the (UTC) day it falls in, out of this many: a
   * level that is usual at night but never seen at noon becomes novel. @default 0
   */
  readonly timeOfDayBuckets?: number;
}

export const CONTEXT_NOVELTY_DEFAULTS: ContextNoveltyOptions = { warmup: 300, levels: 8, maxOrder: 6, averageOver: 1, edgeTolerance: 0.5, timeOfDayBuckets: 0 };

/** A node of the context trie: the symbols that followed this context, and the longer contexts ending in it. */
interface ContextNode {
  readonly followers: Set<number>;
  readonly longer: Map<number, ContextNode>;
}

function newNode(): ContextNode {
  return { followers: new Set(), longer: new Map() };
}

/**
 * Never-seen behaviour: each value is quantised to a symbol, and the detector remembers which symbol has
 * followed every recent context (the last 1…maxOrder symbols). A point is novel in proportion to the
 * known contexts after which its symbol has never been seen — a new level, a new transition, or a known
 * value arriving in an unknown order. Repetitive behaviour, however irregular, becomes familiar.
 */
export class ContextNoveltyDetector implements StreamingDetector {
  readonly name = "context-novelty";
  readonly catches = "never-seen pattern";
  private readonly root = newNode();
  private readonly warmupValues: number[] = [];
  private readonly warmupTimes: number[] = [];
  private low = 0;
  private step = 0;
  private readonly history: number[] = [];
  private readonly mean: RecentMean;

  constructor(private readonly options: ContextNoveltyOptions = CONTEXT_NOVELTY_DEFAULTS) {
    this.mean = options.averageOverMs !== undefined ? new TimeWindowMean(options.averageOverMs) : new PointWindowMean(options.averageOver ?? 1);
  }

  update(timestampMs: number, rawValue: number): DetectorReading {
    const value = this.mean.add(timestampMs, rawValue);
    if (this.warmupValues.length < this.options.warmup) {
      this.warmupValues.push(value);
      this.warmupTimes.push(timestampMs);
      if (this.warmupValues.length === this.options.warmup) this.layGrid();
      return { raw: 0, direction: "none" };
    }
    const bin = this.binOf(value);
    const symbol = this.symbolOf(bin, timestampMs);
    let known = 0;
    let unseen = 0;
    let node: ContextNode | undefined = this.root;
    for (let order = 0; order <= this.options.maxOrder && node !== undefined; order++) {
      known++;
      if (!node.followers.has(symbol)) unseen++;
      node = order < this.history.length ? node.longer.get(this.history[this.history.length - 1 - order]) : undefined;
    }
    this.learn(symbol);
    const raw = unseen / known;
    return { raw, direction: raw === 0 ? "none" : bin >= this.options.levels ? "up" : bin < 0 ? "down" : "none" };
  }

  /** The bin, combined with the time-of-day bucket when the detector uses one. */
  private symbolOf(bin: number, timestampMs: number): number {
    const buckets = this.options.timeOfDayBuckets ?? 0;
    if (buckets <= 0) return bin;
    return bin * buckets + timeOfDayBucket(timestampMs, buckets);
  }

  /** The value's bin; values at most `edgeTolerance` bins beyond the warm-up range count as its edge bins. */
  private binOf(value: number): number {
    const position = (value - this.low) / this.step;
    const tolerance = this.options.edgeTolerance ?? 0;
    if (position < 0 && position >= -tolerance) return 0;
    if (position >= this.options.levels && position < this.options.levels + tolerance) return this.options.levels - 1;
    return Math.floor(position);
  }

  private layGrid(): void {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of this.warmupValues) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    const floor = 1e-6 * Math.max(Math.abs(min), Math.abs(max), 1);
    this.low = min;
    this.step = Math.max((max - min) / this.options.levels, floor);
    this.warmupValues.forEach((v, i) => this.learn(this.symbolOf(this.binOf(v), this.warmupTimes[i])));
  }

  /** Records that `symbol` followed every context ending at the previous point, then appends it. */
  private learn(symbol: number): void {
    let node = this.root;
    node.followers.add(symbol);
    for (let order = 1; order <= this.options.maxOrder && order <= this.history.length; order++) {
      const previous = this.history[this.history.length - order];
      let longer = node.longer.get(previous);
      if (longer === undefined) {
        longer = newNode();
        node.longer.set(previous, longer);
      }
      longer.followers.add(symbol);
      node = longer;
    }
    this.history.push(symbol);
    if (this.history.length > this.options.maxOrder) this.history.shift();
  }
}
