import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { JudgeConfigError } from "../../runtime/judge/judge-config";
import { parseDuration, parseRolloutConfig } from "../../operations/cutover/cutover-config";
import { CutoverLog } from "../../operations/cutover/cutover-log";
import { CutoverRefusedError, runCutover, type CutoverResult } from "../../operations/cutover/cutover";
import { PulumiTrafficSwitcher } from "../../operations/cutover/pulumi-traffic-switcher";
import { PrometheusClient, PrometheusError } from "../../runtime/prometheus/prometheus-client";
import { CliError } from "../cli-error";

/** Options of `icna cutover`. */
export interface CutoverOptions {
  readonly stack: string;
  readonly to: string;
  /** Comma-separated percentages on the target colour. @default "10,50,100" */
  readonly steps: string;
  /** Observation time per step, e.g. `5m`. @default "5m" */
  readonly interval: string;
  /** Rollout config (signals, health, judge). @default "rollout.yaml" */
  readonly config: string;
  /** JSON-lines cutover log. @default ".icna/cutover-<stack>.jsonl" */
  readonly log?: string;
}

/** Runs a cutover of a stack's traffic through the Pulumi Automation API. */
export async function runCutoverCommand(options: CutoverOptions): Promise<CutoverResult> {
  if (options.to !== "blue" && options.to !== "green") throw new CliError(`--to must be blue or green, got "${options.to}"`, 2);
  const steps = options.steps.split(",").map((s) => Number(s.trim()));
  const intervalMs = parseDuration(options.interval);
  if (intervalMs === undefined) throw new CliError(`--interval "${options.interval}" is not a duration such as 30s, 5m or 1h`, 2);
  if (!fs.existsSync(`Pulumi.${options.stack}.yaml`)) throw new CliError(`no Pulumi.${options.stack}.yaml in ${process.cwd()}: run from the project directory with an existing --stack`, 2);
  let configText: string;
  try {
    configText = fs.readFileSync(options.config, "utf8");
  } catch {
    throw new CliError(`cannot read --config ${options.config}: write a rollout config (see docs/anomaly-detection.md)`, 2);
  }
  const logFile = options.log ?? path.join(".icna", `cutover-${options.stack}.jsonl`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  try {
    const config = parseRolloutConfig(configText, options.config);
    const switcher = await PulumiTrafficSwitcher.select(options.stack, process.cwd(), (line) => process.stderr.write(line));
    return await runCutover({ stack: options.stack, to: options.to, steps, intervalMs }, { switcher, prometheus: new PrometheusClient(config.prometheus), config, log: new CutoverLog(logFile) });
  } catch (error) {
    if (error instanceof JudgeConfigError || error instanceof CutoverRefusedError || error instanceof PrometheusError) throw new CliError(error.message, 1);
    throw error;
  }
}

/** `icna cutover --stack <s> --to <blue|green> [--steps 10,50,100] [--interval 5m]`; exits 1 on rollback. */
export function registerCutover(program: Command): void {
  program
    .command("cutover")
    .description("Shift Route 53 weights to a colour step by step, judging each interval from Prometheus and rolling back on failure")
    .requiredOption("--stack <stack>", "Pulumi stack whose traffic to shift")
    .requiredOption("--to <colour>", "colour to make live: blue or green")
    .option("--steps <percents>", "percent of traffic on the target at each step", "10,50,100")
    .option("--interval <duration>", "observation time per step", "5m")
    .option("--config <yaml>", "rollout config: prometheus, health, signals, judge", "rollout.yaml")
    .option("--log <file>", "JSON-lines cutover log (resumes an unfinished cutover)")
    .option("--json", "print the result as JSON")
    .action(async (opts: CutoverOptions & { json?: boolean }) => {
      const result = await runCutoverCommand(opts);
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + "\n" : `${result.outcome}: ${result.reason} (blue ${result.weights.blue} / green ${result.weights.green}, live ${result.live})\n`);
      if (result.outcome === "rolled-back") process.exitCode = 1;
    });
}
