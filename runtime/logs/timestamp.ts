const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T\s-](\d{1,2})[:.](\d{2})[:.](\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?/;
const SHORT_DATE = /^(\d{2})\/(\d{2})\/(\d{2})\s+(\d{2}):(\d{2}):(\d{2})/;
const COMPACT = /^(\d{2})(\d{2})(\d{2})\s+(\d{2})(\d{2})(\d{2})$/;
const CTIME = /^(?:[A-Z][a-z]{2}\s+)?([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s+(\d{4})/;
const EPOCH = /^(\d{10}|\d{13})(?:\.\d+)?(?:\s|$)/;

function fraction(digits: string | undefined): number {
  return digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === "Z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/**
 * Epoch milliseconds of a header timestamp as detected (`2015-10-18 18:01:47,978`, `17/06/09 20:10:40`,
 * `081109 203615`, `Sun Dec 04 04:47:44 2005`, epoch seconds or ms first); times without a zone are
 * read as UTC. Undefined when the text is none of these.
 */
export function parseLogTimestamp(text: string): number | undefined {
  const t = text.trim();
  let m = EPOCH.exec(t);
  if (m) return m[1].length === 13 ? Number(m[1]) : Number(m[1]) * 1000;
  if ((m = ISO.exec(t))) return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fraction(m[7])) - offsetMs(m[8]);
  if ((m = SHORT_DATE.exec(t))) return Date.UTC(2000 + +m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if ((m = COMPACT.exec(t))) return Date.UTC(2000 + +m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  if ((m = CTIME.exec(t))) {
    const month = MONTHS[m[1].toLowerCase()];
    if (month !== undefined) return Date.UTC(+m[6], month, +m[2], +m[3], +m[4], +m[5]);
  }
  return undefined;
}
