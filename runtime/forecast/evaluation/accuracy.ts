/** Accumulates absolute and percentage errors for MAPE and WAPE. */
export class AccuracyAccumulator {
  private absoluteErrorSum = 0;
  private absoluteActualSum = 0;
  private readonly percentageErrors: number[] = [];
  private count = 0;

  add(actual: number, forecast: number): void {
    if (!Number.isFinite(actual) || !Number.isFinite(forecast)) return;
    const error = Math.abs(actual - forecast);
    this.absoluteErrorSum += error;
    this.absoluteActualSum += Math.abs(actual);
    this.count++;
    if (actual !== 0) this.percentageErrors.push((100 * error) / Math.abs(actual));
  }

  /** Mean absolute percentage error, over the points whose actual is non-zero (%). */
  get mape(): number {
    return this.percentageErrors.length === 0 ? NaN : this.percentageErrors.reduce((a, b) => a + b, 0) / this.percentageErrors.length;
  }

  /** Share of the forecasts (non-zero actuals) within ±`percent` of the actual (%). */
  shareWithin(percent: number): number {
    return this.percentageErrors.length === 0 ? NaN : (100 * this.percentageErrors.filter((e) => e <= percent).length) / this.percentageErrors.length;
  }

  /** Weighted absolute percentage error: Σ|error| / Σ|actual| (%). */
  get wape(): number {
    return this.absoluteActualSum === 0 ? NaN : (100 * this.absoluteErrorSum) / this.absoluteActualSum;
  }

  get points(): number {
    return this.count;
  }
}
