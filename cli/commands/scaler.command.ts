import type { Command } from "commander";
import type { ScalerServeOptions } from "./scaler";

/** `icna scaler serve`: gRPC, prom-client and the forecasting engine load only when the service starts. */
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
    .option("--prometheus-timeout-seconds <seconds>", "deadline of one Prometheus read: connection, body and retries", "10")
    .option("--prometheus-max-mb <MiB>", "largest Prometheus response read", "8")
    .option("--forecast-workers <n>", "worker threads that refit forecasts (default: cores − 1, 1–4)")
    .option("--shutdown-grace-seconds <seconds>", "on SIGTERM, how long open calls may take before their connections are closed", "5")
    .action(async (options: ScalerServeOptions) => {
      const { serveScaler } = await import("./scaler");
      process.exitCode = await serveScaler(options);
    });
}
