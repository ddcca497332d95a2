import * as fs from "node:fs";
import * as path from "node:path";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import type { LogMiner, MinedEntry } from "./log-miner";
import type { Pattern } from "./pattern";
import { readLines } from "./read-lines";
import { parseLogTimestamp } from "./timestamp";
import type { Occurrence, TimeWindow } from "./triage";

/** A log file or folder that cannot be read; the message names it and says what to give instead. */
export class LogSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LogSourceError";
  }
}

/** An entry's time (undefined when no timestamp could be read from it) and pattern; the entry's text is not kept, so memory grows by a few dozen bytes per entry. */
export interface TimedEntry {
  readonly time: number | undefined;
  readonly pattern: Pattern;
}

/** What triage works from: each timed entry's pattern, and each pattern's template. */
export interface MinedOccurrences {
  readonly occurrences: Occurrence[];
  readonly templates: Map<string, string>;
  /** Entries read, and those left out because no timestamp could be read from them. */
  readonly read: number;
  readonly withoutTimestamp: number;
}

/** The files of a log path: the file itself, or every file under a folder, recursively, in name order. */
export function logFilesOf(input: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new LogSourceError(`${input} does not exist; give a log file or a folder of log files`);
  }
  if (!stat.isDirectory()) return [input];
  const files = (fs.readdirSync(input, { recursive: true }) as string[])
    .map((f) => path.join(input, f))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
  if (files.length === 0) throw new LogSourceError(`${input} is an empty folder; give a log file or a folder holding log files`);
  return files;
}

const aborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
};

/** Mines log files line by line (headers split off, stack traces joined), each entry timed by its header. */
export async function mineLogFiles(input: string, logs: LogMiner, signal?: AbortSignal): Promise<TimedEntry[]> {
  const mined: TimedEntry[] = [];
  const take = (m: MinedEntry | undefined): void => {
    if (m) mined.push({ time: m.entry.header.timestamp !== undefined ? parseLogTimestamp(m.entry.header.timestamp) : undefined, pattern: m.pattern });
  };
  for (const file of logFilesOf(input)) {
    let n = 0;
    try {
      for await (const line of readLines(file)) {
        take(logs.push(line, ++n));
        if (n % 4096 === 0) aborted(signal);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new LogSourceError(`${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    take(logs.end());
  }
  return mined;
}

/** Mines every event of CloudWatch Logs groups in a window, one entry per event, timed by CloudWatch. */
export async function mineLogGroups(client: CloudWatchLogsClient, groups: readonly string[], window: TimeWindow, logs: LogMiner, signal?: AbortSignal): Promise<TimedEntry[]> {
  const { readLogGroup } = await import("./cloudwatch-source");
  const mined: TimedEntry[] = [];
  let n = 0;
  for (const group of groups) {
    for await (const event of readLogGroup(client, group, window)) {
      mined.push({ time: event.time, pattern: logs.pushEntry(event.message, ++n).pattern });
      if (n % 4096 === 0) aborted(signal);
    }
    aborted(signal);
  }
  return mined;
}

/** Each timed entry's final pattern (after merges) and the templates of those patterns. */
export function occurrencesOf(mined: readonly TimedEntry[], logs: LogMiner): MinedOccurrences {
  const occurrences: Occurrence[] = [];
  const templates = new Map<string, string>();
  for (const { time, pattern: minedPattern } of mined) {
    if (time === undefined) continue;
    const pattern = logs.miner.resolve(minedPattern);
    occurrences.push({ time, pattern: pattern.id });
    templates.set(pattern.id, pattern.template);
  }
  return { occurrences, templates, read: mined.length, withoutTimestamp: mined.length - occurrences.length };
}
