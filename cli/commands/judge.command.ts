import type { Command } from "commander";
import type { JudgeCliOptions } from "./judge";

/** `icna judge`: the statistics load only when the command runs. */
export function registerJudge(program: Command): void {
  program
    .command("judge")
    .description("Compare a canary colour's metrics with the baseline's (Mann–Whitney per metric, Hodges–Lehmann interval, 0–100 score); exit 1 when it fails")
    .requiredOption("--baseline <csv>", "baseline samples: timestamp,<metric>,…")
    .requiredOption("--canary <csv>", "canary samples over the same interval: timestamp,<metric>,…")
    .requiredOption("--config <yaml>", "judge configuration (metrics, directions, thresholds)")
    .option("--json", "print the judgement as JSON")
    .action(async (options: JudgeCliOptions) => {
      const { judgeCanary } = await import("./judge");
      process.exitCode = await judgeCanary(options);
    });
}
