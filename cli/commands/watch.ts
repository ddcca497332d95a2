import { JudgeConfigError } from "../../runtime/judge/judge-config";
import { PrometheusClient } from "../../runtime/prometheus/prometheus-client";
import { AlertmanagerClient } from "../../runtime/watch/alertmanager-client";
import { startMetricsServer } from "../../runtime/watch/metrics-server";
import { checkSignals } from "../../runtime/watch/signal-check";
import { parseWatchConfig } from "../../runtime/watch/watch-config";
import { WatchMetrics } from "../../runtime/watch/watch-metrics";
import type { LogTriage } from "../../runtime/watch/log-triage";
import { Watcher, type TickReport } from "../../runtime/watch/watcher";
import { durationMs } from "../../runtime/prometheus/duration";
import { CliError } from "../cli-error";
import { readOptionFile } from "../read-option-file";
import { ExitCode } from "../exit-codes";

/** Options of `icna watch`. */
export interface WatchOptions {
  /** Watcher config YAML. */
  readonly config: string;
  /** host:port for /metrics. @default 0.0.0.0:9464 */
  readonly listen: string;
  /** Run one pass and exit (for cron jobs and smoke tests). */
  readonly once?: boolean;
}

/** Runs the watcher: one pass with `once`, else forever on its interval. */
export async function runWatch(options: WatchOptions, onReport: (report: TickReport) => void): Promise<void> {
  const text = readOptionFile("--config", options.config);
  let config;
  try {
    config = parseWatchConfig(text, options.config);
  } catch (error) {
    if (error instanceof JudgeConfigError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  const match = /^(.*):(\d+)$/.exec(options.listen);
  if (!match) throw new CliError(`--listen "${options.listen}" is not host:port (e.g. 0.0.0.0:9464)`, ExitCode.Usage);
  const metrics = new WatchMetrics();
  const log = (line: string) => process.stderr.write(`icna watch: ${line}\n`);
  const prometheus = new PrometheusClient(config.prometheus);
  const check = await checkSignals(config, prometheus, Date.now());
  if (check.problems.length > 0) throw new CliError(`${options.config}: ${check.problems.length} signal quer${check.problems.length === 1 ? "y" : "ies"} refused by Prometheus:\n  - ${check.problems.join("\n  - ")}`, ExitCode.Usage);
  if (check.unchecked) log(`cannot check the signal queries at start (${check.unchecked}); starting anyway`);
  let triage: LogTriage | undefined;
  if (config.logs) {
    const [{ LogTriage: Triage }, { logReaderFor }] = await Promise.all([import("../../runtime/watch/log-triage"), import("../../runtime/watch/log-reader")]);
    const reader = logReaderFor(config.logs);
    const logCheck = await reader.check(Date.now());
    if (logCheck.problems.length > 0) throw new CliError(`${options.config}: the logs to triage cannot be read:\n  - ${logCheck.problems.join("\n  - ")}`, ExitCode.Usage);
    for (const warning of logCheck.warnings) log(`cannot read the logs to triage at start (${warning}); starting anyway: new alerts say why they carry no log hypotheses until this heals`);
    triage = new Triage(config.logs, reader, metrics);
    log(`log triage on: ${config.logs.cloudwatch ? `CloudWatch Logs ${config.logs.cloudwatch.groups.join(", ")}` : config.logs.path}; hypotheses attached to new alerts within ${config.logs.deadline}`);
  }
  const watcher = new Watcher(config, prometheus, new AlertmanagerClient(config.alertmanager), metrics, log, triage);
  if (options.once) {
    onReport(await watcher.tick(Date.now()));
    return;
  }
  await startMetricsServer(metrics, match[1], Number(match[2]), () => watcher.readiness(Date.now()));
  const intervalMs = durationMs(config.interval);
  for (;;) {
    onReport(await watcher.tick(Date.now()));
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface WatchCliOptions extends WatchOptions {
  readonly json?: boolean;
}

/** `icna watch`: prints each pass (text or a JSON line); returns after one pass with `--once`, else runs until stopped. */
export async function watch(options: WatchCliOptions): Promise<ExitCode> {
  await runWatch(options, (r) => {
    process.stdout.write(
      options.json ? JSON.stringify(r) + "\n" : `${r.at} prometheus ${r.prometheus}${r.outage ? ` (${r.outage})` : ""}, ${r.points} points, ${r.alerts.length} alert(s) ${r.alertDelivery}${r.triage ? `, log triage (${r.triage.reason}) ${r.triage.ok ? "ok" : "failed"}` : ""}\n`,
    );
  });
  return ExitCode.Success;
}
