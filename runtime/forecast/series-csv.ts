import { parseTimestamp } from "./timestamp";

/** The rows of a `timestamp,value` CSV, in file order: what a streaming detector sees. */
export interface SeriesRows {
  /** Epoch milliseconds (UTC), one per row that has a value; repeated timestamps are kept. */
  readonly timestamps: number[];
  readonly values: number[];
  /** The 1-based line of each row. */
  readonly lines: number[];
  /** Rows whose timestamp an earlier row already had (exporters writing twice, clocks set back an hour). */
  readonly repeatedRows: number;
  /** Rows with an empty value cell: gaps, left out of `values`. */
  readonly emptyValues: number;
  /** The 1-based line of the last data row, for errors about the series as a whole. */
  readonly lastLine: number;
}

/** A time series read from `timestamp,value` CSV for a model that needs a grid: sorted, one value per timestamp, a constant step (gaps allowed). */
export interface SeriesCsv {
  /** Epoch milliseconds (UTC), strictly increasing, each a whole number of steps after the first. */
  readonly timestamps: number[];
  readonly values: number[];
  /** The series step: every spacing is a whole multiple of it (larger ones are gaps); see `seriesStep`. */
  readonly stepSeconds: number;
  /** The 1-based line of the last data row, for errors about the series as a whole. */
  readonly lastLine: number;
  /** Rows merged into a row with the same timestamp (by the mean of their values). */
  readonly mergedRepeats: number;
  /** Rows off the step grid, moved to the nearest step (and merged by mean with a row already there). */
  readonly movedToGrid: number;
  /** Rows with an empty value cell (gaps). */
  readonly emptyValues: number;
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

/** The column read as the value when the header has more than two: `value` (any case). */
const VALUE_COLUMN = "value";

/**
 * Reads `timestamp,value` CSV text row by row: a header row, then one row per observation with a
 * `YYYY-MM-DD HH:MM:SS` (UTC) or ISO-8601 timestamp and a finite number. LF, CRLF and CR line ends read
 * the same. Further columns are allowed when one is named `value` (e.g. `timestamp,value,label`). An
 * empty value cell is a gap; a timestamp an earlier row already had is a repeat and is kept. Throws
 * {@link SeriesCsvError} naming the first bad line.
 */
export function readSeriesRows(text: string, sourceName: string): SeriesRows {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
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
  const named = header.findIndex((h) => h.toLowerCase() === VALUE_COLUMN);
  const valueIndex = header.length === 2 ? 1 : named;
  if (valueIndex < 1) fail(headerIndex + 1, `${header.length} columns \`${header.join(",")}\` and none named \`${VALUE_COLUMN}\`; name the column to read \`${VALUE_COLUMN}\``);
  const timestamps: number[] = [];
  const values: number[] = [];
  const lineOf: number[] = [];
  const seen = new Set<number>();
  let latest = Number.NEGATIVE_INFINITY;
  let latestLine = 0;
  let repeatedRows = 0;
  let emptyValues = 0;
  let lastLine = headerIndex + 1;
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const lineNo = i + 1;
    const fields = splitRow(lines[i]);
    if (fields.length !== header.length) fail(lineNo, `expected ${header.length} fields \`${header.join(",")}\`, found ${fields.length}: \`${lines[i].trim()}\``);
    const ts = parseTimestamp(fields[0]);
    if (ts === undefined) fail(lineNo, `\`${fields[0]}\` is not a timestamp; use \`YYYY-MM-DD HH:MM:SS\` (UTC) or ISO-8601 such as \`2024-01-31T12:00:00Z\``);
    if (ts! < latest && !seen.has(ts!)) fail(lineNo, `timestamp \`${fields[0]}\` is earlier than the one on line ${latestLine} and not a repeat of an earlier row's; sort the rows by time`);
    lastLine = lineNo;
    if (fields[valueIndex] === "") {
      emptyValues++;
      continue;
    }
    const value = DECIMAL.test(fields[valueIndex]) ? Number(fields[valueIndex]) : NaN;
    if (!Number.isFinite(value)) fail(lineNo, `value \`${fields[valueIndex]}\` is not a finite number; leave the cell empty to mark a gap`);
    if (seen.has(ts!)) repeatedRows++;
    else seen.add(ts!);
    if (ts! >= latest) {
      latest = ts!;
      latestLine = lineNo;
    }
    timestamps.push(ts!);
    values.push(value);
    lineOf.push(lineNo);
  }
  if (seen.size < MIN_SERIES_ROWS) {
    fail(lastLine, `only ${seen.size} distinct timestamp(s) with a value; at least ${MIN_SERIES_ROWS} are needed to infer the step`);
  }
  return { timestamps, values, lines: lineOf, repeatedRows, emptyValues, lastLine };
}

/**
 * Reads `timestamp,value` CSV text (see {@link readSeriesRows}) onto a grid, for a model that needs one.
 * Rows are sorted by time; rows that share a timestamp are merged into one with the mean of their values;
 * the step is inferred ({@link seriesStep}) and a row off the step grid is moved to the nearest step,
 * merged by mean with any row already there. The counts of merged and moved rows are returned.
 */
export function readSeriesCsv(text: string, sourceName: string): SeriesCsv {
  const rows = readSeriesRows(text, sourceName);
  const order = rows.timestamps.map((_, i) => i).sort((a, b) => rows.timestamps[a] - rows.timestamps[b] || a - b);
  const unique: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  for (const i of order) {
    const t = rows.timestamps[i];
    if (unique.length > 0 && unique[unique.length - 1] === t) {
      sums[sums.length - 1] += rows.values[i];
      counts[counts.length - 1]++;
    } else {
      unique.push(t);
      sums.push(rows.values[i]);
      counts.push(1);
    }
  }
  const stepMs = seriesStep(unique);
  const timestamps: number[] = [];
  const gridSums: number[] = [];
  const gridCounts: number[] = [];
  let movedToGrid = 0;
  unique.forEach((t, k) => {
    const onGrid = unique[0] + Math.round((t - unique[0]) / stepMs) * stepMs;
    if (onGrid !== t) movedToGrid++;
    const value = sums[k] / counts[k];
    if (timestamps.length > 0 && timestamps[timestamps.length - 1] === onGrid) {
      gridSums[gridSums.length - 1] += value;
      gridCounts[gridCounts.length - 1]++;
    } else {
      timestamps.push(onGrid);
      gridSums.push(value);
      gridCounts.push(1);
    }
  });
  return {
    timestamps,
    values: gridSums.map((sum, k) => sum / gridCounts[k]),
    stepSeconds: stepMs / 1000,
    lastLine: rows.lastLine,
    mergedRepeats: rows.repeatedRows,
    movedToGrid,
    emptyValues: rows.emptyValues,
  };
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
 * between at least {@link MIN_STEP_SHARE} of the rows (and {@link MIN_STEP_COUNT}); otherwise the most
 * common spacing, onto whose grid the stray rows are then moved.
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
