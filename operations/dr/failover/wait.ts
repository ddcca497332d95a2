import type { Clock } from "../../clock";

export interface WaitOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Poll interval. @default 15 000 */
  readonly intervalMs?: number;
}

/** Polls until `check` returns a value; throws naming what it waited for and the last observation. */
export async function waitUntil<T>(
  clock: Clock,
  what: string,
  check: () => Promise<{ done: T } | { waiting: string }>,
  options: WaitOptions,
): Promise<T> {
  const start = clock.now().getTime();
  for (;;) {
    const result = await check();
    if ("done" in result) return result.done;
    const elapsed = clock.now().getTime() - start;
    if (elapsed >= options.timeoutMs)
      throw new Error(
        `timed out after ${Math.round(elapsed / 1000)} s waiting for ${what} (last seen: ${result.waiting})`,
      );
    await clock.sleep(options.intervalMs ?? 15_000);
  }
}
