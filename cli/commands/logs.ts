import * as fs from "node:fs";
import { HeaderFormatError } from "../../runtime/logs/header-format";
import { LogMiner, type MinedEntry } from "../../runtime/logs/log-miner";
import { loadMinerState, MinerStateError, saveMinerState } from "../../runtime/logs/miner-state";
import { readLines } from "../../runtime/logs/read-lines";
import { CliError } from "../cli-error";

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
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read --state ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`--state ${file} is not JSON; delete it to start afresh or pass another --state file`, 2);
  }
}

/** Mines the input in one pass and returns every pattern and each entry's pattern and parameters. */
export async function runPatterns(options: PatternsOptions): Promise<PatternsResult> {
  if (options.input !== "-" && !fs.existsSync(options.input)) throw new CliError(`--input ${options.input} does not exist; give a log file, or - to read stdin`, 2);
  let logs: LogMiner;
  try {
    const miner = options.state && fs.existsSync(options.state) ? loadMinerState(readState(options.state), options.state) : undefined;
    logs = new LogMiner({ format: options.format, miner });
  } catch (error) {
    if (error instanceof HeaderFormatError || error instanceof MinerStateError) throw new CliError(error.message, 2);
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
    throw new CliError(`cannot read --input ${options.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
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
  const patterns = [...byId.values()].sort((a, b) => b.count - a.count).map((p) => ({ id: p.id, template: p.template, count: p.count }));
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
  return 0;
}
