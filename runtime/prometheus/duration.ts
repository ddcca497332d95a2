import { z } from "zod";

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses a duration like `30s`, `5m`, `1h` or `2d` into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** Writes milliseconds as a duration like `5m` in the largest unit that divides them (`90s`, `2h`); under a second, `250ms`. */
export function formatDuration(ms: number): string {
  const unit = (["d", "h", "m", "s"] as const).find((u) => ms % UNIT_MS[u] === 0);
  return unit === undefined ? `${ms}ms` : `${ms / UNIT_MS[unit]}${unit}`;
}

/** A config field holding a duration such as `30s`, `5m`, `1h` or `2d`. */
export const durationSchema = z.string().refine((s) => parseDuration(s) !== undefined, { message: "must be a duration like 30s, 5m, 1h, 2d" });

/** The milliseconds of a duration already validated by {@link durationSchema}; throws on any other text. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === undefined) throw new RangeError(`"${text}" is not a duration like 30s, 5m, 1h or 2d`);
  return ms;
}
