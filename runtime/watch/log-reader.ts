import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LogMiner } from "../logs/log-miner";
import { logFilesOf, LogSourceError, mineLogFiles, mineLogGroups, occurrencesOf, type MinedOccurrences } from "../logs/mine-logs";
import type { TimeWindow } from "../logs/triage";
import type { LogTriageConfig } from "./log-triage-config";

/** Reads and mines the logs of a time window; stops early (rejecting) when the signal aborts. */
export interface LogReader {
  /** What is read, for messages: the path or the log groups. */
  readonly describe: string;
  read(window: TimeWindow, signal: AbortSignal): Promise<MinedOccurrences>;
  /**
   * Checks at start that the logs can be read: a problem for what only the config can fix (no such path
   * or group); a warning for what may heal or lies outside the config (access denied, which IAM may
   * still be propagating; network; throttling): triage is auxiliary, it must not keep alerts from starting.
   */
  check(nowMs: number): Promise<{ problems: string[]; warnings: string[] }>;
}

/** A log file or folder, mined whole on each read (entries outside the window are left to triage). */
class FileLogReader implements LogReader {
  constructor(
    private readonly path: string,
    private readonly format: string | undefined,
  ) {}

  get describe(): string {
    return this.path;
  }

  async read(_window: TimeWindow, signal: AbortSignal): Promise<MinedOccurrences> {
    const logs = new LogMiner({ format: this.format });
    return occurrencesOf(await mineLogFiles(this.path, logs, signal), logs);
  }

  check(): Promise<{ problems: string[]; warnings: string[] }> {
    try {
      logFilesOf(this.path);
      return Promise.resolve({ problems: [], warnings: [] });
    } catch (error) {
      if (error instanceof LogSourceError) return Promise.resolve({ problems: [`logs.path: ${error.message}`], warnings: [] });
      throw error;
    }
  }
}

/** CloudWatch Logs groups, read through FilterLogEvents over the window only. */
class CloudWatchLogReader implements LogReader {
  private client: CloudWatchLogsClient | undefined;

  constructor(
    private readonly region: string,
    private readonly groups: readonly string[],
    private readonly format: string | undefined,
  ) {}

  get describe(): string {
    return `CloudWatch Logs ${this.groups.join(", ")} (${this.region})`;
  }

  private async logsClient(): Promise<CloudWatchLogsClient> {
    if (!this.client) {
      const { CloudWatchLogsClient: Client } = await import("@aws-sdk/client-cloudwatch-logs");
      this.client = new Client({ region: this.region });
    }
    return this.client;
  }

  async read(window: TimeWindow, signal: AbortSignal): Promise<MinedOccurrences> {
    const logs = new LogMiner({ format: this.format });
    return occurrencesOf(await mineLogGroups(await this.logsClient(), this.groups, window, logs, signal), logs);
  }

  /** Reads the last second of each group (FilterLogEvents, the call triage makes), stopping at the first event. */
  async check(nowMs: number): Promise<{ problems: string[]; warnings: string[] }> {
    const { readLogGroup, CloudWatchReadError } = await import("../logs/cloudwatch-source");
    const client = await this.logsClient();
    const problems: string[] = [];
    const warnings: string[] = [];
    for (const [i, group] of this.groups.entries()) {
      try {
        for await (const event of readLogGroup(client, group, { start: nowMs - 1000, end: nowMs })) if (event) break;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof CloudWatchReadError && error.kind === "missing") problems.push(`logs.cloudwatch.groups.${i}: ${message.replace(": check --cloudwatch and AWS_REGION", ": check the group name and logs.cloudwatch.region")}`);
        else warnings.push(`logs.cloudwatch.groups.${i}: ${message}`);
      }
    }
    return { problems, warnings };
  }
}

/** The reader the config names (its schema guarantees exactly one of `cloudwatch` and `path`). */
export function logReaderFor(config: LogTriageConfig): LogReader {
  if (config.cloudwatch) return new CloudWatchLogReader(config.cloudwatch.region, config.cloudwatch.groups, config.format);
  return new FileLogReader(config.path ?? "", config.format);
}
