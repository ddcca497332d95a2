const SPACE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses `YYYY-MM-DD HH:MM:SS` (UTC) or an ISO-8601 date-time (`2024-01-31T12:00:00Z`,
 * `…+02:00`, fractional seconds; no zone means UTC) or date (`2024-01-31`, midnight UTC).
 * Returns epoch milliseconds, or undefined when the text is not such a timestamp or names an
 * impossible date.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = SPACE_FORMAT.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = fraction === "" ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

/**
 * Formats epoch milliseconds as `YYYY-MM-DD HH:MM:SS` (UTC), the form the forecast CSV uses, with
 * `.mmm` when the time is not a whole second (series with sub-second steps or fractional timestamps).
 */
export function formatTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return iso.slice(0, iso.endsWith(".000Z") ? 19 : 23).replace("T", " ");
}
