import { parseTimestamp } from "./timestamp";

/** A time series read from `timestamp,value` CSV: sorted, no duplicates, a constant step (gaps allowed). */
export interface SeriesCsv {
  /** Epoch milliseconds (UTC), strictly increasing. */
  readonly timestamps: number[];
  readonly values: number[];
  /** The series step: every spacing is a whole multiple of it (larger ones are gaps); see `seriesStep`. */
  readonly stepSeconds: number;
  /** The 1-based line of the last data row, for errors about the series as a whole. */
  readonly lastLine: number;
}

/** A CSV problem, with the 1-based line it was found on and what to do about it. */
export class SeriesCsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${source}:${line}: ${problem}`);
    this.name = "SeriesCsvError";
  }
}

/** The fewest data rows from which a step can be inferred. */
export const MIN_SERIES_ROWS = 3;

/**
 * Reads `timestamp,value` CSV text: a header row, then one row per observation with a
 * `YYYY-MM-DD HH:MM:SS` (UTC) or ISO-8601 timestamp and a finite number. Throws
 * {@link SeriesCsvError} naming the first bad line.
 */
export function readSeriesCsv(text: string, sourceName: string): SeriesCsv {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, problem: string): never => {
    throw new SeriesCsvError(sourceName, line, problem);
  };
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) fail(1, "the file is empty; expected a header row `timestamp,value` and data rows");
  const header = splitRow(lines[headerIndex]);
  const separator = header.length < 2 ? (/\t/.test(lines[headerIndex]) ? "tabs" : lines[headerIndex].includes(";") ? "`;`" : undefined) : undefined;
  if (separator) fail(headerIndex + 1, `the fields are separated by ${separator}; separate them with commas: \`timestamp,value\``);
  if (header.length < 2 || parseTimestamp(header[0]) !== undefined || Number.isFinite(Number(header[1])) && header[1] !== "") {
    fail(headerIndex + 1, `expected a header row such as \`timestamp,value\`, found \`${lines[headerIndex].trim()}\`; add the header as the first line`);
  }
  const timestamps: number[] = [];
  const values: number[] = [];
  const lineOf: number[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const lineNo = i + 1;
    const fields = splitRow(lines[i]);
    if (fields.length !== 2) fail(lineNo, `expected 2 fields \`timestamp,value\`, found ${fields.length}: \`${lines[i].trim()}\``);
    const ts = parseTimestamp(fields[0]);
    if (ts === undefined) fail(lineNo, `\`${fields[0]}\` is not a timestamp; use \`YYYY-MM-DD HH:MM:SS\` (UTC) or ISO-8601 such as \`2024-01-31T12:00:00Z\``);
    const value = DECIMAL.test(fields[1]) ? Number(fields[1]) : NaN;
    if (!Number.isFinite(value)) fail(lineNo, `value \`${fields[1]}\` is not a finite number; leave the row out to mark a gap`);
    const previous = timestamps[timestamps.length - 1];
    if (previous !== undefined && ts! === previous) fail(lineNo, `duplicate timestamp \`${fields[0]}\` (also on line ${lineOf[lineOf.length - 1]}); keep one row per timestamp`);
    if (previous !== undefined && ts! < previous) fail(lineNo, `timestamp \`${fields[0]}\` is earlier than the one on line ${lineOf[lineOf.length - 1]}; sort the rows by time`);
    timestamps.push(ts!);
    values.push(value);
    lineOf.push(lineNo);
  }
  if (timestamps.length < MIN_SERIES_ROWS) {
    fail(lineOf[lineOf.length - 1] ?? headerIndex + 1, `only ${timestamps.length} data row(s); at least ${MIN_SERIES_ROWS} are needed to infer the step`);
  }
  const stepMs = seriesStep(timestamps);
  for (let i = 1; i < timestamps.length; i++) {
    const spacing = timestamps[i] - timestamps[i - 1];
    if (spacing % stepMs !== 0) {
      fail(lineOf[i], `timestamp is ${spacing / 1000} s after line ${lineOf[i - 1]}, not a whole multiple of the series step (${stepMs / 1000} s); resample the series to a constant step`);
    }
  }
  return { timestamps, values, stepSeconds: stepMs / 1000, lastLine: lineOf[lineOf.length - 1] };
}

/** A decimal number, optionally in exponent notation (not `0x10`, `Infinity` or an empty field). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function splitRow(line: string): string[] {
  return line.split(",").map((f) => f.trim().replace(/^"(.*)"$/, "$1").trim());
}

/** A spacing between fewer than this share of consecutive rows, or this few of them, is a stray row, not the series step. */
const MIN_STEP_SHARE = 0.1;
const MIN_STEP_COUNT = 3;

/**
 * The series step: the most common spacing that every spacing is a whole multiple of (when gaps
 * outnumber consecutive rows, twice the step can be the most common spacing), among spacings
 * between at least {@link MIN_STEP_SHARE} of the rows (and {@link MIN_STEP_COUNT}); otherwise the most common spacing, which
 * the caller then reports the first misfit against.
 */
function seriesStep(timestamps: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < timestamps.length; i++) {
    const spacing = timestamps[i] - timestamps[i - 1];
    counts.set(spacing, (counts.get(spacing) ?? 0) + 1);
  }
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [step, count] of byCount) {
    if (count < Math.max(MIN_STEP_COUNT, MIN_STEP_SHARE * (timestamps.length - 1))) break;
    if ([...counts.keys()].every((spacing) => spacing % step === 0)) return step;
  }
  return byCount[0][0];
}
