import type { TimeWindow } from "./triage";

/** Reads `<start>/<end>` (ISO 8601 times, or epoch seconds) for the option named; throws a message saying what to write. */
export function parseTimeWindow(text: string, option: string): TimeWindow {
  const parts = text.split("/");
  const at = (s: string): number => (/^\d{9,10}$/.test(s.trim()) ? Number(s) * 1000 : Date.parse(s.trim()));
  if (parts.length !== 2)
    throw new RangeError(`${option} "${text}" must be <start>/<end>, e.g. 2024-03-01T10:00:00Z/2024-03-01T10:30:00Z`);
  const [start, end] = parts.map(at);
  if (Number.isNaN(start) || Number.isNaN(end))
    throw new RangeError(
      `${option} "${text}" has a time that is not ISO 8601 or epoch seconds; write e.g. 2024-03-01T10:00:00Z/2024-03-01T10:30:00Z`,
    );
  if (end <= start) throw new RangeError(`${option} "${text}" ends before it starts; put the earlier time first`);
  return { start, end };
}
