import { judge, type Judgement } from "../../runtime/judge/judge";
import { JudgeConfigError, parseJudgeConfig } from "../../runtime/judge/judge-config";
import { MetricSamplesCsvError, readMetricSamplesCsv } from "../../runtime/judge/metric-samples-csv";
import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";

/** Options of `icna judge`. */
export interface JudgeOptions {
  /** Wide CSV of the live colour's samples: `timestamp,<metric>,…`. */
  readonly baseline: string;
  /** Wide CSV of the new colour's samples over the same interval. */
  readonly canary: string;
  /** YAML judge configuration. */
  readonly config: string;
}

/** Judges a canary interval against the baseline. */
export async function runJudge(options: JudgeOptions): Promise<Judgement> {
  const baselineText = readOptionFile("--baseline", options.baseline);
  const canaryText = readOptionFile("--canary", options.canary);
  const configText = readOptionFile("--config", options.config);
  try {
    const config = parseJudgeConfig(configText, options.config);
    return judge(readMetricSamplesCsv(baselineText, options.baseline), readMetricSamplesCsv(canaryText, options.canary), config);
  } catch (error) {
    if (error instanceof JudgeConfigError || error instanceof MetricSamplesCsvError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}

function renderText(j: Judgement): string {
  const rows = j.metrics.map((m) => `  ${m.outcome.toUpperCase().padEnd(8)} ${m.name}${m.critical ? " (critical)" : ""}: ${m.reason}`);
  return `${j.verdict.toUpperCase()} — score ${j.score}/100 (${j.reason})\n${rows.join("\n")}\n`;
}

export interface JudgeCliOptions extends JudgeOptions {
  readonly json?: boolean;
}

/** `icna judge`: prints the judgement; exit 1 when the verdict is fail. */
export async function judgeCanary(options: JudgeCliOptions): Promise<ExitCode> {
  const result = await runJudge(options);
  process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : renderText(result));
  return result.verdict === "fail" ? ExitCode.Problem : ExitCode.Success;
}
