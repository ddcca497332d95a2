/** Exponentially weighted mean and variance (West's incremental form), with a bias-corrected warm-up. */
export class EwmStats {
  private meanValue = 0;
  private varianceValue = 0;
  private weight = 0;

  /** @param alpha weight of the newest observation, in (0, 1]. */
  constructor(private readonly alpha: number) {}

  get count(): number {
    return this.weight;
  }
  get mean(): number {
    return this.meanValue;
  }
  get variance(): number {
    return this.varianceValue;
  }
  get std(): number {
    return Math.sqrt(this.varianceValue);
  }

  push(x: number): void {
    this.weight++;
    // During warm-up, weigh the first observations equally (a plain running mean), then switch to alpha.
    const a = Math.max(this.alpha, 1 / this.weight);
    const delta = x - this.meanValue;
    this.meanValue += a * delta;
    this.varianceValue = (1 - a) * (this.varianceValue + a * delta * delta);
  }
}
