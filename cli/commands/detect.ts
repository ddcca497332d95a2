import * as fs from "node:fs";
import type { Command } from "commander";
import { detectSeries, type ScoredPoint } from "../../runtime/detection/detect-series";
import { readSeriesCsv, SeriesCsvError } from "../../runtime/forecast/series-csv";
import { CliError } from "../cli-error";

/** Options of `icna detect`. */
export interface DetectOptions {
  /** Path of a `timestamp,value` CSV file. */
  readonly input: string;
}

/** Reads the series and scores every row, in input order. */
export async function runDetect(options: DetectOptions): Promise<{ scores: ScoredPoint[] }> {
  let text: string;
  try {
    text = await fs.promises.readFile(options.input, "utf8");
  } catch (error) {
    throw new CliError(`cannot read --input ${options.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
  try {
    return { scores: detectSeries(readSeriesCsv(text, options.input)) };
  } catch (error) {
    if (error instanceof SeriesCsvError) throw new CliError(error.message, 2);
    throw error;
  }
}

function renderText(scores: readonly ScoredPoint[]): string {
  const flagged = scores.filter((p) => p.score >= 0.5);
  const lines = flagged.map((p) => `${p.timestamp}  ${String(p.value).padStart(12)}  score ${p.score.toFixed(2)}  ${p.reason}`);
  return `${scores.length} points scored, ${flagged.length} with score ≥ 0.5${lines.length ? ":\n" + lines.join("\n") : ""}\n`;
}

/** `icna detect --input <csv> [--json]`. */
export function registerDetect(program: Command): void {
  program
    .command("detect")
    .description("Score every point of a timestamp,value series for anomalies (streaming: each score uses only the past)")
    .requiredOption("--input <csv>", "timestamp,value CSV file")
    .option("--json", "print {\"scores\": [{timestamp, value, score, reason}]} , one entry per input row")
    .action(async (opts: { input: string; json?: boolean }) => {
      const result = await runDetect({ input: opts.input });
      process.stdout.write(opts.json ? JSON.stringify(result) + "\n" : renderText(result.scores));
    });
}
