import type { Command } from "commander";
import type { DetectCliOptions } from "./detect";

/** `icna detect`: the detectors load only when the command runs. */
export function registerDetect(program: Command): void {
  program
    .command("detect")
    .description("Score every point of a timestamp,value series for anomalies (streaming: each score uses only the past)")
    .requiredOption("--input <csv>", "timestamp,value CSV file")
    .option("--json", "print {\"scores\": [{timestamp, value, score, reason}], \"repeatedRows\", \"emptyValues\"}, one score per input row with a value")
    .action(async (options: DetectCliOptions) => {
      const { detect } = await import("./detect");
      process.exitCode = await detect(options);
    });
}
