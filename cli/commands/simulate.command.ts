import type { Command } from "commander";
import type { SimulateOptions } from "./simulate";

/** `icna simulate`: the simulator loads only when the command runs (vega only when it draws the chart). */
export function registerSimulate(program: Command): void {
  program
    .command("simulate")
    .description("Replay a timestamp,value load trace through a cluster model under a reactive HPA and under the PSE, and compare them")
    .requiredOption("--trace <csv>", "CSV with a header and timestamp,value rows (load per step, constant step of whole minutes)")
    .option("--json", "print the comparison as JSON")
    .option("--chart <file.svg>", "where to write the SVG chart of demand, both capacities and the forecast (default: <trace name>.simulation.svg in the working directory)")
    .option("--no-chart", "write no chart")
    .option("--capacity-per-pod <load>", "load one pod serves at 100% (default: 95th percentile of the replayed demand / 20)")
    .option("--pod-startup <minutes>", "minutes from scheduling to ready", "2")
    .option("--node-provisioning <minutes>", "minutes before a new node accepts pods", "3")
    .option("--lead <minutes>", "PSE lead window (default: pod start-up + node provisioning)")
    .option("--quantile <q>", "upper forecast quantile that must fit within full capacity", "0.9")
    .option("--target <utilisation>", "target utilisation of both autoscalers", "0.7")
    .option("--days <days>", "days replayed at the end of the trace, or `half` for the whole second half (the first half is history)", "14")
    .action(async (options: SimulateOptions) => {
      const { runSimulate } = await import("./simulate");
      process.exitCode = await runSimulate(options);
    });
}
