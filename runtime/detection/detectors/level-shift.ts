import type { DetectorReading, StreamingDetector } from "../detector";
import { EwmStats } from "../ewm-stats";
import { RingBuffer } from "../ring-buffer";

/** Tuning of the level shift detector. */
export interface LevelShiftOptions {
  /** Points in the recent window compared against the baseline. @default 6 */
  readonly recent: number;
  /** Weight of the newest point in the baseline (which only sees points older than the recent window). @default 0.005 */
  readonly baselineAlpha: number;
}

export const LEVEL_SHIFT_DEFAULTS: LevelShiftOptions = { recent: 6, baselineAlpha: 0.005 };

/**
 * Sustained level shifts and variance changes: the mean and spread of the last few points against a slow
 * baseline built from older points only, so a shift cannot hide by pulling its own baseline along.
 */
export class LevelShiftDetector implements StreamingDetector {
  readonly name = "level-shift";
  readonly catches = "level shift";
  private readonly recent: RingBuffer;
  private readonly baseline: EwmStats;

  constructor(private readonly options: LevelShiftOptions = LEVEL_SHIFT_DEFAULTS) {
    this.recent = new RingBuffer(options.recent);
    this.baseline = new EwmStats(options.baselineAlpha);
  }

  update(_timestampMs: number, value: number): DetectorReading {
    const evicted = this.recent.push(value);
    if (evicted !== undefined) this.baseline.push(evicted);
    if (this.baseline.count < 3 * this.options.recent) return { raw: 0, direction: "none" };
    let sum = 0;
    for (let i = 0; i < this.recent.length; i++) sum += this.recent.at(i);
    const mean = sum / this.recent.length;
    const std = Math.max(this.baseline.std, 1e-3 * Math.max(Math.abs(this.baseline.mean), 1e-9));
    const shift = (mean - this.baseline.mean) / std;
    const band = 3 * std;
    return {
      raw: Math.abs(shift),
      expected: { low: this.baseline.mean - band, high: this.baseline.mean + band },
      direction: shift > 0 ? "up" : shift < 0 ? "down" : "none",
    };
  }
}
