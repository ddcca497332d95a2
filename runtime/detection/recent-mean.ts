import { RingBuffer } from "./ring-buffer";

/** The running mean of a series' most recent values. */
export interface RecentMean {
  /** Adds a value and returns the mean of the recent values, this one included. */
  add(timestampMs: number, value: number): number;
}

/** Mean of the last `points` values. */
export class PointWindowMean implements RecentMean {
  private readonly window: RingBuffer;
  private sum = 0;

  constructor(points: number) {
    this.window = new RingBuffer(points);
  }

  add(_timestampMs: number, value: number): number {
    this.sum += value - (this.window.push(value) ?? 0);
    return this.sum / this.window.length;
  }
}

/** Mean of the values whose timestamps lie within the last `spanMs` milliseconds, the newest included. */
export class TimeWindowMean implements RecentMean {
  private readonly times: number[] = [];
  private readonly values: number[] = [];
  private head = 0;
  private sum = 0;

  constructor(private readonly spanMs: number) {}

  add(timestampMs: number, value: number): number {
    this.times.push(timestampMs);
    this.values.push(value);
    this.sum += value;
    while (this.times[this.head] <= timestampMs - this.spanMs) this.sum -= this.values[this.head++];
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.values.splice(0, this.head);
      this.head = 0;
    }
    return this.sum / (this.times.length - this.head);
  }
}
