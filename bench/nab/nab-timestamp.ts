import { parseTimestamp } from "../../runtime/forecast/timestamp";

/** Parses NAB's `YYYY-MM-DD HH:MM:SS[.ffffff]` timestamps (naive, read as UTC) into epoch milliseconds. */
export function parseNabTimestamp(text: string): number {
  const ms = parseTimestamp(text);
  if (ms === undefined) throw new Error(`not a NAB timestamp: "${text}"`);
  return ms;
}
