import type { Command } from "commander";
import type { WatchCliOptions } from "./watch";

/** `icna watch`: the Prometheus and Alertmanager clients and the detectors load only when the watcher starts. */
export function registerWatch(program: Command): void {
  program
    .command("watch")
    .description("Score the configured Prometheus signals per colour every interval, expose scores as metrics, alert Alertmanager")
    .requiredOption("--config <yaml>", "watcher config: prometheus, alertmanager, interval, signals")
    .option("--listen <host:port>", "where to serve /metrics", "0.0.0.0:9464")
    .option("--once", "run one pass and exit")
    .option("--json", "print each pass as a JSON line")
    .action(async (options: WatchCliOptions) => {
      const { watch } = await import("./watch");
      process.exitCode = await watch(options);
    });
}
