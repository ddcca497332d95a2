import * as fs from "node:fs";
import * as path from "node:path";
import { JudgeConfigError } from "../../runtime/judge/judge-config";
import { parseRolloutConfig, type RolloutConfig } from "../../operations/cutover/cutover-config";
import { parseDuration } from "../../runtime/prometheus/duration";
import { GRAFANA_TOKEN_ENV, GrafanaAnnotations } from "../../operations/cutover/grafana-annotations";
import { CutoverLog } from "../../operations/cutover/cutover-log";
import { CutoverRefusedError, runCutover, validateSteps, type CutoverResult } from "../../operations/cutover/cutover";
import { PulumiTrafficSwitcher } from "../../operations/cutover/pulumi-traffic-switcher";
import { PulumiEngineError } from "../../operations/pulumi-engine-error";
import { PrometheusClient, PrometheusError } from "../../runtime/prometheus/prometheus-client";
import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";

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
  if (options.to !== "blue" && options.to !== "green") throw new CliError(`--to must be blue or green, got "${options.to}"`, ExitCode.Usage);
  const steps = options.steps.split(",").map((s) => Number(s.trim()));
  try {
    validateSteps(steps);
  } catch (error) {
    if (error instanceof CutoverRefusedError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  const intervalMs = parseDuration(options.interval);
  if (intervalMs === undefined) throw new CliError(`--interval "${options.interval}" is not a duration such as 30s, 5m or 1h`, ExitCode.Usage);
  if (!fs.existsSync(`Pulumi.${options.stack}.yaml`)) throw new CliError(`no Pulumi.${options.stack}.yaml in ${process.cwd()}: run from the project directory with an existing --stack`, ExitCode.Usage);
  const configText = readOptionFile("--config", options.config, "write a rollout config (see docs/anomaly-detection.md)");
  const logFile = options.log ?? path.join(".icna", `cutover-${options.stack}.jsonl`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  try {
    const config = parseRolloutConfig(configText, options.config);
    const events = grafanaAnnotationsFor(config, options.config, process.env[GRAFANA_TOKEN_ENV]);
    const switcher = await PulumiTrafficSwitcher.select(options.stack, process.cwd(), (line) => process.stderr.write(line));
    return await runCutover({ stack: options.stack, to: options.to, steps, intervalMs }, { switcher, prometheus: new PrometheusClient(config.prometheus), config, log: new CutoverLog(logFile), events });
  } catch (error) {
    if (error instanceof JudgeConfigError) throw new CliError(error.message, ExitCode.Usage);
    if (error instanceof CutoverRefusedError || error instanceof PrometheusError || error instanceof PulumiEngineError) throw new CliError(error.message, ExitCode.Problem);
    throw error;
  }
}

/** Grafana annotations when the rollout config names a Grafana; its token is required from the environment before any traffic moves. */
export function grafanaAnnotationsFor(config: RolloutConfig, configFile: string, token: string | undefined): GrafanaAnnotations | undefined {
  if (!config.grafana) return undefined;
  if (!token) throw new CliError(`${configFile} sets grafana.url but ${GRAFANA_TOKEN_ENV} is not set: export a Grafana service-account token with annotations:create (role Editor), or remove grafana from the rollout config`, ExitCode.Usage);
  return new GrafanaAnnotations({ url: config.grafana.url, token, warn: (line) => process.stderr.write(`warning: ${line}\n`) });
}

export interface CutoverCliOptions extends CutoverOptions {
  readonly json?: boolean;
}

/** `icna cutover`: prints the outcome; exit 1 when the cutover was rolled back. */
export async function cutover(options: CutoverCliOptions): Promise<ExitCode> {
  const result = await runCutoverCommand(options);
  process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : `${result.outcome}: ${result.reason} (blue ${result.weights.blue} / green ${result.weights.green}, live ${result.live})\n`);
  return result.outcome === "rolled-back" ? ExitCode.Problem : ExitCode.Success;
}
