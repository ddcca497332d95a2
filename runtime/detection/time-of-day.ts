/** Milliseconds in a (UTC) day. */
export const DAY_MS = 86_400_000;

/** Which of `buckets` equal slices of the UTC day a timestamp falls in (0 … buckets-1). */
export function timeOfDayBucket(timestampMs: number, buckets: number): number {
  return Math.floor((((timestampMs % DAY_MS) + DAY_MS) % DAY_MS) / (DAY_MS / buckets)) % buckets;
}
