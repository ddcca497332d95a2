import { detectSeries, type ScoredPoint } from "../../runtime/detection/detect-series";
import { readSeriesRows, SeriesCsvError } from "../../runtime/forecast/series-csv";
import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";

/** Options of `icna detect`. */
export interface DetectOptions {
  /** Path of a `timestamp,value` CSV file. */
  readonly input: string;
}

/** What `icna detect` reports: a score per row with a value, and what the input held besides. */
export interface DetectResult {
  readonly scores: ScoredPoint[];
  /** Rows whose timestamp an earlier row already had: scored row by row like the others. */
  readonly repeatedRows: number;
  /** Rows with an empty value cell: gaps, not scored. */
  readonly emptyValues: number;
}

/** Reads the series and scores every row, in input order. */
export async function runDetect(options: DetectOptions): Promise<DetectResult> {
  const text = readOptionFile("--input", options.input);
  try {
    const rows = readSeriesRows(text, options.input);
    return { scores: detectSeries(rows), repeatedRows: rows.repeatedRows, emptyValues: rows.emptyValues };
  } catch (error) {
    if (error instanceof SeriesCsvError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}

function renderText({ scores, repeatedRows, emptyValues }: DetectResult): string {
  const held = [repeatedRows > 0 ? `${repeatedRows} with a repeated timestamp (scored row by row)` : "", emptyValues > 0 ? `${emptyValues} empty value cell(s) skipped as gaps` : ""].filter(Boolean);
  const flagged = scores.filter((p) => p.score >= 0.5);
  const lines = flagged.map((p) => `${p.timestamp}  ${String(p.value).padStart(12)}  score ${p.score.toFixed(2)}  ${p.reason}`);
  return `${scores.length} points scored${held.length ? ` (${held.join("; ")})` : ""}, ${flagged.length} with score ≥ 0.5${lines.length ? ":\n" + lines.join("\n") : ""}\n`;
}

export interface DetectCliOptions extends DetectOptions {
  readonly json?: boolean;
}

/** `icna detect`: prints the scores (JSON, or the flagged points as text). */
export async function detect(options: DetectCliOptions): Promise<ExitCode> {
  const result = await runDetect({ input: options.input });
  process.stdout.write(options.json ? JSON.stringify(result) + "\n" : renderText(result));
  return ExitCode.Success;
}
