import type { DetectorReading, StreamingDetector } from "../detector";
import { EwmStats } from "../ewm-stats";
import { SamplingStep } from "../sampling-step";

/** Tuning of the seasonal residual detector. */
export interface SeasonalResidualOptions {
  /** Weight of the newest point in the level. @default 0.1 */
  readonly levelAlpha: number;
  /** Weight of the newest day in each time-of-day offset. @default 0.25 */
  readonly seasonGamma: number;
  /** Weight of the newest residual in the residual scale. @default 0.01 */
  readonly scaleAlpha: number;
  /** Residuals are clipped to this many scales before they update the model, so one spike does not drag it. @default 4 */
  readonly clip: number;
  /** Width of the expected band in scales. @default 4 */
  readonly bandWidth: number;
}

export const SEASONAL_RESIDUAL_DEFAULTS: SeasonalResidualOptions = { levelAlpha: 0.1, seasonGamma: 0.25, scaleAlpha: 0.01, clip: 4, bandWidth: 4 };

/**
 * Spikes and dips against an expected value: a smoothed level plus a learned time-of-day offset (daily
 * seasonality), with an exponentially weighted residual scale. Catches points that the recent level and
 * the usual shape of the day do not explain.
 */
export class SeasonalResidualDetector implements StreamingDetector {
  readonly name = "seasonal-residual";
  readonly catches = "spike";
  private readonly step = new SamplingStep();
  private level: number | undefined;
  private season = new Map<number, number>();
  private readonly residuals: EwmStats;
  private readonly values = new EwmStats(0.001);

  constructor(private readonly options: SeasonalResidualOptions = SEASONAL_RESIDUAL_DEFAULTS) {
    this.residuals = new EwmStats(options.scaleAlpha);
  }

  update(timestampMs: number, value: number): DetectorReading {
    this.step.observe(timestampMs);
    this.values.push(value);
    const phase = this.step.pointsPerDay === undefined ? 0 : this.step.phaseOfDay(timestampMs);
    if (this.level === undefined) {
      this.level = value;
      return { raw: 0, direction: "none" };
    }
    const offset = this.season.get(phase) ?? 0;
    const expected = this.level + offset;
    const residual = value - expected;
    const scale = this.scale();
    const z = Math.abs(residual) / scale;

    const limit = this.options.clip * scale;
    const clipped = this.residuals.count < 10 ? residual : Math.max(-limit, Math.min(limit, residual));
    this.residuals.push(Math.abs(clipped));
    const deseasoned = value - offset;
    const step = deseasoned - this.level;
    const clippedStep = this.residuals.count < 10 ? step : Math.max(-limit, Math.min(limit, step));
    this.level += this.options.levelAlpha * clippedStep;
    if (this.step.pointsPerDay !== undefined) {
      const seasonal = value - this.level;
      const clippedSeasonal = Math.max(offset - limit, Math.min(offset + limit, seasonal));
      this.season.set(phase, offset + this.options.seasonGamma * (clippedSeasonal - offset));
    }

    const band = this.options.bandWidth * scale;
    return {
      raw: this.residuals.count < 10 ? 0 : z,
      expected: { low: expected - band, high: expected + band },
      direction: residual > 0 ? "up" : residual < 0 ? "down" : "none",
    };
  }

  /** Residual scale (≈ σ from the mean absolute residual), floored so flat series do not divide by zero. */
  private scale(): number {
    const floor = 1e-3 * Math.max(Math.abs(this.values.mean), this.values.std, 1e-9);
    return Math.max(1.25 * this.residuals.mean, floor);
  }
}
