import type { Clock } from "../../../clock";
import type { ConfigEdit, ResourceOperation, StackUpdater, StackUpdateResult } from "../ports";

/** A clock whose sleeps advance it instantly. */
export class FakeClock implements Clock {
  constructor(private time: number) {}
  now(): Date {
    return new Date(this.time);
  }
  sleep(ms: number): Promise<void> {
    this.time += ms;
    return Promise.resolve();
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * Stands in for the Automation API at the StackUpdater boundary: records the stack and edits it would apply
 * and takes the time a `pulumi up` of that size takes, so RTO arithmetic is exercised.
 */
export class RecordingStackUpdater implements StackUpdater {
  readonly calls: { stack: string; edits: readonly ConfigEdit[] }[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly upMs: number,
    private readonly failures: Error[] = [],
    /** The resource operations each update reports, as the engine's events would (omitted: not reported). */
    private readonly operations?: (edits: readonly ConfigEdit[]) => ResourceOperation[],
  ) {}

  update(stack: string, edits: readonly ConfigEdit[]): Promise<StackUpdateResult> {
    this.calls.push({ stack, edits });
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    this.clock.advance(this.upMs);
    const operations = this.operations?.(edits);
    return Promise.resolve({ changes: { create: 41, update: 3, same: 110 }, ...(operations ? { operations } : {}) });
  }
}
