import type { DetectorReading, StreamingDetector } from "../detector";
import { median } from "../../forecast/statistics";
import { EwmStats } from "../ewm-stats";
import { SamplingStep } from "../sampling-step";

/** Tuning of the daily profile detector. */
export interface DailyProfileOptions {
  /** Past days whose same-time-of-day values form the expectation (their median). @default 3 */
  readonly days: number;
  /** Weight of the newest residual in the residual scale. @default 0.01 */
  readonly scaleAlpha: number;
}

export const DAILY_PROFILE_DEFAULTS: DailyProfileOptions = { days: 3, scaleAlpha: 0.01 };

/**
 * Breaks in the daily shape: the value against the median of the same time of day over the last few
 * days. Catches a missing daily peak, a flat stretch where the day usually moves, or a shifted cycle —
 * things a level model cannot see because every single value is within the usual range.
 */
export class DailyProfileDetector implements StreamingDetector {
  readonly name = "daily-profile";
  readonly catches = "broken daily pattern";
  private readonly step = new SamplingStep();
  private readonly byPhase = new Map<number, number[]>();
  private readonly residuals: EwmStats;
  private readonly values = new EwmStats(0.001);

  constructor(private readonly options: DailyProfileOptions = DAILY_PROFILE_DEFAULTS) {
    this.residuals = new EwmStats(options.scaleAlpha);
  }

  update(timestampMs: number, value: number): DetectorReading {
    this.step.observe(timestampMs);
    this.values.push(value);
    if (this.step.pointsPerDay === undefined) return { raw: 0, direction: "none" };
    const phase = this.step.phaseOfDay(timestampMs);
    const history = this.byPhase.get(phase) ?? [];
    let reading: DetectorReading = { raw: 0, direction: "none" };
    if (history.length === this.options.days) {
      const expected = median(history);
      const residual = value - expected;
      const floor = 1e-3 * Math.max(Math.abs(this.values.mean), this.values.std, 1e-9);
      const scale = Math.max(1.25 * this.residuals.mean, floor);
      const ready = this.residuals.count >= 10;
      reading = {
        raw: ready ? Math.abs(residual) / scale : 0,
        expected: { low: expected - 4 * scale, high: expected + 4 * scale },
        direction: residual > 0 ? "up" : residual < 0 ? "down" : "none",
      };
      this.residuals.push(ready ? Math.min(Math.abs(residual), 4 * scale) : Math.abs(residual));
    }
    history.push(value);
    if (history.length > this.options.days) history.shift();
    this.byPhase.set(phase, history);
    return reading;
  }
}
