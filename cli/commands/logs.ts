import * as fs from "node:fs";
import { HeaderFormatError } from "../../runtime/logs/header-format";
import { LogMiner, type MinedEntry } from "../../runtime/logs/log-miner";
import { loadMinerState, MinerStateError, saveMinerState } from "../../runtime/logs/miner-state";
import * as path from "node:path";
import { detectSeries } from "../../runtime/detection/detect-series";
import { readSeriesRows, SeriesCsvError } from "../../runtime/forecast/series-csv";
import type { Correlation, MetricAnomalies } from "../../runtime/logs/correlate";
import type { Hypothesis } from "../../runtime/logs/hypotheses";
import { triageIncident, TriageInputError } from "../../runtime/logs/incident-triage";
import { narrateTriage, type NarrativeOutcome } from "../../runtime/logs/narrative";
import { LogSourceError, mineLogFiles, mineLogGroups, occurrencesOf, type TimedEntry } from "../../runtime/logs/mine-logs";
import { readLines } from "../../runtime/logs/read-lines";
import { parseTimeWindow } from "../../runtime/logs/time-window";
import type { RankedPattern, TimeWindow } from "../../runtime/logs/triage";
import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";
import { readOptionFile } from "../read-option-file";

/** Options of `icna logs patterns`. */
export interface PatternsOptions {
  /** A log file, or "-" for stdin. */
  readonly input: string;
  /** Header format in logparser notation; detected per line when absent. */
  readonly format?: string;
  /** A state file: resumed from when it exists, written back after the run. */
  readonly state?: string;
}

/** The result of `icna logs patterns`. */
export interface PatternsResult {
  readonly patterns: Array<{ id: string; template: string; count: number }>;
  readonly lines: Array<{ line: number; pattern: string; params: string[] }>;
}

function readState(file: string): unknown {
  const text = readOptionFile("--state", file);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`--state ${file} is not JSON; delete it to start afresh or pass another --state file`, ExitCode.Usage);
  }
}

/** Mines the input in one pass and returns every pattern and each entry's pattern and parameters. */
export async function runPatterns(options: PatternsOptions): Promise<PatternsResult> {
  if (options.input !== "-" && !fs.existsSync(options.input))
    throw new CliError(`--input ${options.input} does not exist; give a log file, or - to read stdin`, ExitCode.Usage);
  let logs: LogMiner;
  try {
    const miner =
      options.state && fs.existsSync(options.state)
        ? loadMinerState(readState(options.state), options.state)
        : undefined;
    logs = new LogMiner({ format: options.format, miner });
  } catch (error) {
    if (error instanceof HeaderFormatError || error instanceof MinerStateError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  const mined: MinedEntry[] = [];
  let n = 0;
  try {
    for await (const line of readLines(options.input)) {
      const done = logs.push(line, ++n);
      if (done) mined.push(done);
    }
  } catch (error) {
    throw new CliError(`cannot read --input ${options.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.Usage);
  }
  const last = logs.end();
  if (last) mined.push(last);
  if (options.state) fs.writeFileSync(options.state, JSON.stringify(saveMinerState(logs.miner)));
  const lines = mined.map((m) => {
    const pattern = logs.miner.resolve(m.pattern);
    return { line: m.entry.line, pattern: pattern.id, params: pattern.params(m.tokens) };
  });
  // Live patterns, and those dropped by the pattern limit that some entry of this run still names.
  const byId = new Map(logs.miner.patterns().map((p) => [p.id, p]));
  for (const m of mined) byId.set(logs.miner.resolve(m.pattern).id, logs.miner.resolve(m.pattern));
  const patterns = [...byId.values()]
    .sort((a, b) => b.count - a.count)
    .map((p) => ({ id: p.id, template: p.template, count: p.count }));
  return { patterns, lines };
}

function renderPatterns(result: PatternsResult): string {
  const rows = result.patterns.slice(0, 50).map((p) => `${String(p.count).padStart(9)}  ${p.id}  ${p.template}`);
  const more = result.patterns.length > 50 ? `\n… ${result.patterns.length - 50} more (use --json for all)` : "";
  return `${result.lines.length} entries, ${result.patterns.length} patterns:\n${rows.join("\n")}${more}\n`;
}

export interface PatternsCliOptions extends PatternsOptions {
  readonly json?: boolean;
}

/** `icna logs patterns`: prints the patterns (JSON, or the most frequent as text); exit code 0. */
export async function logsPatterns(options: PatternsCliOptions): Promise<number> {
  const result = await runPatterns(options);
  process.stdout.write(options.json ? JSON.stringify(result) + "\n" : renderPatterns(result));
  return ExitCode.Success;
}

/** Options of `icna logs triage`. */
export interface TriageOptions {
  /** A log file, or a folder whose files (recursively, in name order) are all read. */
  readonly input?: string;
  /** A CloudWatch Logs group to read instead of files (region from the AWS environment). */
  readonly cloudwatch?: string;
  /** `<start>/<end>` of the incident. */
  readonly incident: string;
  /** `<start>/<end>` of normal operation. @default from the first entry to the incident's start */
  readonly baseline?: string;
  /** `timestamp,value` CSV files of metrics; each one's anomalies are correlated with the patterns. */
  readonly metrics?: string[];
  readonly format?: string;
  /** False skips the LLM even with OPENAI_API_KEY set. @default true */
  readonly llm?: boolean;
}

/** The report of `icna logs triage --json`. */
export interface TriageReport {
  readonly patterns: RankedPattern[];
  readonly correlations: Correlation[];
  readonly hypotheses: Hypothesis[];
  readonly summary: string;
  readonly llm: Omit<NarrativeOutcome, "narrative">;
  /** Entries read, and those left out because no timestamp could be read from them. */
  readonly entries: { read: number; without_timestamp: number };
}

const DAY = 86_400_000;

function metricAnomalies(file: string): MetricAnomalies {
  const text = readOptionFile("--metrics", file);
  try {
    const rows = readSeriesRows(text, file);
    const scores = detectSeries(rows);
    return {
      metric: path.basename(file).replace(/\.[^.]+$/, ""),
      points: rows.timestamps,
      anomalies: rows.timestamps.filter((_, i) => scores[i].score >= 0.5),
    };
  } catch (error) {
    if (error instanceof SeriesCsvError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}

function windowOption(text: string, option: string): TimeWindow {
  try {
    return parseTimeWindow(text, option);
  } catch (error) {
    throw new CliError((error as Error).message, ExitCode.Usage);
  }
}

/** Mines the logs, ranks what rose in the incident window, correlates with metric anomalies, and explains. */
export async function runTriage(options: TriageOptions): Promise<TriageReport> {
  const incident = windowOption(options.incident, "--incident");
  const baseline = options.baseline !== undefined ? windowOption(options.baseline, "--baseline") : undefined;
  const metrics = (options.metrics ?? []).map(metricAnomalies);
  if ((options.input === undefined) === (options.cloudwatch === undefined))
    throw new CliError("give one of --input <file|dir> or --cloudwatch <log group>", ExitCode.Usage);
  let baselineFromCloudWatch: TimeWindow | undefined;
  let logs: LogMiner;
  try {
    logs = new LogMiner({ format: options.format });
  } catch (error) {
    if (error instanceof HeaderFormatError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  const mined: TimedEntry[] = [];
  if (options.cloudwatch !== undefined) {
    // Every event in the window is one entry, timed by CloudWatch; without --baseline, the 24 hours before the incident.
    const from = baseline?.start ?? incident.start - DAY;
    const { CloudWatchLogsClient } = await import("@aws-sdk/client-cloudwatch-logs");
    const { CloudWatchReadError } = await import("../../runtime/logs/cloudwatch-source");
    try {
      const window = { start: Math.min(from, incident.start), end: Math.max(baseline?.end ?? 0, incident.end) };
      mined.push(...(await mineLogGroups(new CloudWatchLogsClient({}), [options.cloudwatch], window, logs)));
    } catch (error) {
      if (error instanceof CloudWatchReadError) throw new CliError(error.message, ExitCode.Usage);
      if (/region is missing/i.test(String((error as Error).message)))
        throw new CliError("--cloudwatch needs an AWS region: set AWS_REGION (or AWS_PROFILE with a region)", ExitCode.Usage);
      throw error;
    }
    if (baseline === undefined) baselineFromCloudWatch = { start: from, end: incident.start };
  }
  if (options.input !== undefined) {
    try {
      mined.push(...(await mineLogFiles(options.input, logs)));
    } catch (error) {
      if (error instanceof LogSourceError) throw new CliError(`--input ${error.message}`, ExitCode.Usage);
      throw error;
    }
  }
  const { occurrences, templates } = occurrencesOf(mined, logs);
  let findings;
  try {
    findings = triageIncident({
      occurrences,
      templates,
      incident,
      baseline: baseline ?? baselineFromCloudWatch,
      metrics,
    });
  } catch (error) {
    if (error instanceof TriageInputError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
  const narrative = await narrateTriage(findings, incident, { enabled: options.llm !== false });
  return {
    patterns: findings.patterns,
    correlations: findings.correlations,
    hypotheses: findings.hypotheses,
    summary: narrative.narrative ?? findings.summary,
    llm: { used: narrative.used, model: narrative.model, fallback: narrative.fallback },
    entries: { read: mined.length, without_timestamp: mined.length - occurrences.length },
  };
}

function renderTriage(report: TriageReport): string {
  const rows = report.patterns
    .slice(0, 10)
    .map(
      (p) =>
        `  ${p.score.toFixed(1).padStart(7)}  ${p.new ? "new " : "    "} ${p.incident_rate.toPrecision(3)}/min (was ${p.baseline_rate.toPrecision(3)}/min)  ${p.template}`,
    );
  const hypotheses = report.hypotheses.map(
    (h) => `  [${h.confidence}] ${h.title}\n${h.evidence.map((e) => `      - ${e}`).join("\n")}`,
  );
  const llm = report.llm.used ? `(narrative by ${report.llm.model})` : `(${report.llm.fallback})`;
  return `${report.summary}\n${llm}\n\nPatterns (score = -log10 p of the rate test):\n${rows.join("\n")}\n\nHypotheses:\n${hypotheses.join("\n") || "  none"}\n`;
}

export interface TriageCliOptions extends TriageOptions {
  readonly json?: boolean;
}

/** `icna logs triage`: prints the report (JSON, or text); exit code 0. */
export async function logsTriage(options: TriageCliOptions): Promise<number> {
  const report = await runTriage(options);
  process.stdout.write(options.json ? JSON.stringify(report) + "\n" : renderTriage(report));
  return ExitCode.Success;
}
