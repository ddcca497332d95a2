import * as fs from "node:fs";
import type { Command } from "commander";
import { judge, type Judgement } from "../../runtime/judge/judge";
import { JudgeConfigError, parseJudgeConfig } from "../../runtime/judge/judge-config";
import { MetricSamplesCsvError, readMetricSamplesCsv } from "../../runtime/judge/metric-samples-csv";
import { CliError } from "../cli-error";

/** Options of `icna judge`. */
export interface JudgeOptions {
  /** Wide CSV of the live colour's samples: `timestamp,<metric>,…`. */
  readonly baseline: string;
  /** Wide CSV of the new colour's samples over the same interval. */
  readonly canary: string;
  /** YAML judge configuration. */
  readonly config: string;
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await fs.promises.readFile(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${flag} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
}

/** Judges a canary interval against the baseline. */
export async function runJudge(options: JudgeOptions): Promise<Judgement> {
  const [baselineText, canaryText, configText] = await Promise.all([
    readText(options.baseline, "--baseline"),
    readText(options.canary, "--canary"),
    readText(options.config, "--config"),
  ]);
  try {
    const config = parseJudgeConfig(configText, options.config);
    return judge(readMetricSamplesCsv(baselineText, options.baseline), readMetricSamplesCsv(canaryText, options.canary), config);
  } catch (error) {
    if (error instanceof JudgeConfigError || error instanceof MetricSamplesCsvError) throw new CliError(error.message, 2);
    throw error;
  }
}

function renderText(j: Judgement): string {
  const rows = j.metrics.map((m) => `  ${m.outcome.toUpperCase().padEnd(8)} ${m.name}${m.critical ? " (critical)" : ""}: ${m.reason}`);
  return `${j.verdict.toUpperCase()} — score ${j.score}/100 (${j.reason})\n${rows.join("\n")}\n`;
}

/** `icna judge --baseline <csv> --canary <csv> --config <yaml> [--json]`; exits 1 when the verdict is fail. */
export function registerJudge(program: Command): void {
  program
    .command("judge")
    .description("Compare a canary colour's metrics with the baseline's (Mann–Whitney per metric, Hodges–Lehmann interval, 0–100 score)")
    .requiredOption("--baseline <csv>", "baseline samples: timestamp,<metric>,…")
    .requiredOption("--canary <csv>", "canary samples over the same interval: timestamp,<metric>,…")
    .requiredOption("--config <yaml>", "judge configuration (metrics, directions, thresholds)")
    .option("--json", "print the judgement as JSON")
    .action(async (opts: JudgeOptions & { json?: boolean }) => {
      const result = await runJudge(opts);
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + "\n" : renderText(result));
      if (result.verdict === "fail") process.exitCode = 1;
    });
}
