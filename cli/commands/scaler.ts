import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";
import { startScalerServer } from "../../runtime/scaler/scaler-server";

export interface ScalerServeOptions {
  readonly host: string;
  readonly port: string;
  readonly metricsPort: string;
  readonly prometheusUrl?: string;
  readonly refitMinutes: string;
  readonly prometheusTimeoutSeconds: string;
  readonly prometheusMaxMb: string;
  readonly forecastWorkers?: string;
  readonly shutdownGraceSeconds: string;
}

/** A flag's value as a number > 0 (whole when asked), or a usage error naming the flag. */
function positive(flag: string, text: string, whole = false): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || (whole && !Number.isInteger(value))) throw new CliError(`${flag} must be a ${whole ? "whole " : ""}number > 0, got "${text}"`, ExitCode.Usage);
  return value;
}

/** `icna scaler serve`: run the Predictive Scaling Engine as a KEDA external scaler until SIGTERM or SIGINT. */
export async function serveScaler(options: ScalerServeOptions): Promise<ExitCode> {
  const port = Number(options.port);
  const metricsPort = Number(options.metricsPort);
  for (const [flag, value] of [["--port", port], ["--metrics-port", metricsPort]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 65535) throw new CliError(`${flag} must be a port number 0–65535`, ExitCode.Usage);
  }
  const refitMinutes = positive("--refit-minutes", options.refitMinutes);
  const prometheus = {
    deadlineMs: Math.round(positive("--prometheus-timeout-seconds", options.prometheusTimeoutSeconds) * 1000),
    maxResponseBytes: Math.round(positive("--prometheus-max-mb", options.prometheusMaxMb) * 1024 * 1024),
  };
  const forecastWorkers = options.forecastWorkers === undefined ? undefined : positive("--forecast-workers", options.forecastWorkers, true);
  const graceMs = positive("--shutdown-grace-seconds", options.shutdownGraceSeconds) * 1000;
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const server = await startScalerServer({ host: options.host, port, metricsPort, defaultPrometheusUrl: options.prometheusUrl, refitIntervalMs: refitMinutes * 60_000, prometheus, forecastWorkers, log });
  await new Promise<void>((resolve) => {
    const stop = () => void server.close(graceMs).then(resolve);
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
  return ExitCode.Success;
}
