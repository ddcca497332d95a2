import type { Command } from "commander";
import type { PatternsCliOptions } from "./logs";

/** `icna logs patterns|triage`: the miner loads only when a subcommand runs. */
export function registerLogs(program: Command): void {
  const logs = program.command("logs").description("Mine log templates and triage an incident from logs");
  logs
    .command("patterns")
    .description("Group log entries into templates in one streaming pass (typed placeholders, header detected, stack traces kept whole)")
    .requiredOption("--input <file|->", "log file, or - for stdin")
    .option("--format <format>", 'header format, e.g. "<Date> <Time> <Level> <Component>: <Content>" (default: detected per line)')
    .option("--state <file>", "resume from this state file if it exists, and save the state to it after the run")
    .option("--json", 'print {"patterns": [{id, template, count}], "lines": [{line, pattern, params}]}')
    .action(async (options: PatternsCliOptions) => {
      const { logsPatterns } = await import("./logs");
      process.exitCode = await logsPatterns(options);
    });
}
