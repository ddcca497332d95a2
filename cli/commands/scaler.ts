import type { Command } from "commander";
import { CliError } from "../cli-error";
import { startScalerServer } from "../../runtime/scaler/scaler-server";

interface ServeOptions {
  host: string;
  port: string;
  metricsPort: string;
  prometheusUrl?: string;
  refitMinutes: string;
}

/** `icna scaler serve`: run the Predictive Scaling Engine as a KEDA external scaler. */
export function registerScaler(program: Command): void {
  const scaler = program.command("scaler").description("Predictive Scaling Engine service");
  scaler
    .command("serve")
    .description("Serve KEDA's external scaler gRPC protocol with forecast-driven metrics")
    .option("--host <address>", "listen address", "127.0.0.1")
    .option("--port <port>", "gRPC port", "9090")
    .option("--metrics-port <port>", "port of the Prometheus /metrics endpoint", "9091")
    .option("--prometheus-url <url>", "Prometheus base URL for triggers that do not set prometheusUrl")
    .option("--refit-minutes <minutes>", "refit each workload's forecaster this often", "15")
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      const metricsPort = Number(options.metricsPort);
      const refitMinutes = Number(options.refitMinutes);
      for (const [flag, value] of [["--port", port], ["--metrics-port", metricsPort]] as const) {
        if (!Number.isInteger(value) || value < 0 || value > 65535) throw new CliError(`${flag} must be a port number 0–65535`, 2);
      }
      if (!(refitMinutes > 0)) throw new CliError(`--refit-minutes must be > 0, got "${options.refitMinutes}"`, 2);
      const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      const server = await startScalerServer({ host: options.host, port, metricsPort, defaultPrometheusUrl: options.prometheusUrl, refitIntervalMs: refitMinutes * 60_000, log });
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
    });
}
