import { DAY_MS, timeOfDayBucket } from "./time-of-day";

/** Tracks a series' sampling step (the smallest positive gap seen) and the number of steps per day. */
export class SamplingStep {
  private stepMs = Number.POSITIVE_INFINITY;
  private previous: number | undefined;

  observe(timestampMs: number): void {
    if (this.previous !== undefined) {
      const gap = timestampMs - this.previous;
      if (gap > 0 && gap < this.stepMs) this.stepMs = gap;
    }
    this.previous = timestampMs;
  }

  get known(): boolean {
    return Number.isFinite(this.stepMs);
  }

  /** Points per day, or undefined when the step is unknown or does not fit 2–2880 times in a day. */
  get pointsPerDay(): number | undefined {
    if (!this.known) return undefined;
    const perDay = Math.round(DAY_MS / this.stepMs);
    return perDay >= 2 && perDay <= 2880 ? perDay : undefined;
  }

  /** Phase of a timestamp within the day, in steps (0 … pointsPerDay-1). */
  phaseOfDay(timestampMs: number): number {
    return timeOfDayBucket(timestampMs, this.pointsPerDay ?? 1);
  }
}
