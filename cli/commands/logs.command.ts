import type { Command } from "commander";
import type { PatternsCliOptions, TriageCliOptions } from "./logs";

/** `icna logs patterns|triage`: the miner loads only when a subcommand runs. */
export function registerLogs(program: Command): void {
  const logs = program.command("logs").description("Mine log templates and triage an incident from logs");
  logs
    .command("patterns")
    .description(
      "Group log entries into templates in one streaming pass (typed placeholders, header detected, stack traces kept whole)",
    )
    .requiredOption("--input <file|->", "log file, or - for stdin")
    .option(
      "--format <format>",
      'header format, e.g. "<Date> <Time> <Level> <Component>: <Content>" (default: detected per line)',
    )
    .option("--state <file>", "resume from this state file if it exists, and save the state to it after the run")
    .option("--json", 'print {"patterns": [{id, template, count}], "lines": [{line, pattern, params}]}')
    .action(async (options: PatternsCliOptions) => {
      const { logsPatterns } = await import("./logs");
      process.exitCode = await logsPatterns(options);
    });
  logs
    .command("triage")
    .description(
      "Rank the log patterns new or surging in an incident window against a baseline (Poisson rate test), correlate them with metric anomalies and explain",
    )
    .option("--input <file|dir>", "log file, or a folder of log files")
    .option(
      "--cloudwatch <log group>",
      "read this CloudWatch Logs group instead (AWS_REGION and credentials from the environment); default baseline: the 24 h before the incident",
    )
    .requiredOption(
      "--incident <start>/<end>",
      "incident window, ISO 8601 times, e.g. 2024-03-01T10:00:00Z/2024-03-01T10:30:00Z",
    )
    .option(
      "--baseline <start>/<end>",
      "normal-operation window (default: from the first entry to the incident's start)",
    )
    .option(
      "--metrics <csv...>",
      "timestamp,value CSV files whose anomalies (as icna detect scores them) are correlated with the patterns",
    )
    .option("--format <format>", "header format in logparser notation (default: detected per line)")
    .option("--no-llm", "do not ask the LLM for a narrative even with OPENAI_API_KEY set")
    .option(
      "--json",
      'print {"patterns", "correlations", "hypotheses", "summary", "llm": {used, model, fallback}, "entries"}',
    )
    .action(async (options: TriageCliOptions) => {
      const { logsTriage } = await import("./logs");
      process.exitCode = await logsTriage(options);
    });
}
