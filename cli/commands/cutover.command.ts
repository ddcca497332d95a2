import type { Command } from "commander";
import type { CutoverCliOptions } from "./cutover";

/** `icna cutover`: the Automation API, Prometheus client and judge load only when the command runs. */
export function registerCutover(program: Command): void {
  program
    .command("cutover")
    .description("Shift Route 53 weights to a colour step by step, judging each interval from Prometheus and rolling back on failure (exit 1 on rollback)")
    .requiredOption("--stack <stack>", "Pulumi stack whose traffic to shift")
    .requiredOption("--to <colour>", "colour to make live: blue or green")
    .option("--steps <percents>", "percent of traffic on the target at each step", "10,50,100")
    .option("--interval <duration>", "observation time per step", "5m")
    .option("--config <yaml>", "rollout config: prometheus, health, signals, judge, and optionally grafana (annotated with every decision; token from ICNA_GRAFANA_TOKEN)", "rollout.yaml")
    .option("--log <file>", "JSON-lines cutover log (resumes an unfinished cutover)")
    .option("--json", "print the result as JSON")
    .action(async (options: CutoverCliOptions) => {
      const { cutover } = await import("./cutover");
      process.exitCode = await cutover(options);
    });
}
