/** A fixed-capacity window of the most recent numbers, oldest first. */
export class RingBuffer {
  private readonly items: Float64Array;
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.items = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Adds a value and returns the one it evicted, if any. */
  push(value: number): number | undefined {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size++) % this.capacity] = value;
      return undefined;
    }
    const evicted = this.items[this.start];
    this.items[this.start] = value;
    this.start = (this.start + 1) % this.capacity;
    return evicted;
  }

  /** The i-th value, 0 = oldest. */
  at(i: number): number {
    return this.items[(this.start + i) % this.capacity];
  }
}
