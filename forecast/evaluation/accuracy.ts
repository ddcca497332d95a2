/** Accumulates absolute and percentage errors for MAPE and WAPE. */
export class AccuracyAccumulator {
  private absoluteErrorSum = 0;
  private absoluteActualSum = 0;
  private percentageSum = 0;
  private percentageCount = 0;
  private count = 0;

  add(actual: number, forecast: number): void {
    if (!Number.isFinite(actual) || !Number.isFinite(forecast)) return;
    const error = Math.abs(actual - forecast);
    this.absoluteErrorSum += error;
    this.absoluteActualSum += Math.abs(actual);
    this.count++;
    if (actual !== 0) {
      this.percentageSum += error / Math.abs(actual);
      this.percentageCount++;
    }
  }

  /** Mean absolute percentage error, over the points whose actual is non-zero (%). */
  get mape(): number {
    return this.percentageCount === 0 ? NaN : (100 * this.percentageSum) / this.percentageCount;
  }

  /** Weighted absolute percentage error: Σ|error| / Σ|actual| (%). */
  get wape(): number {
    return this.absoluteActualSum === 0 ? NaN : (100 * this.absoluteErrorSum) / this.absoluteActualSum;
  }

  get points(): number {
    return this.count;
  }
}
