import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LogMiner } from "../logs/log-miner";
import { mineLogFiles, mineLogGroups, occurrencesOf, type MinedOccurrences } from "../logs/mine-logs";
import type { TimeWindow } from "../logs/triage";
import type { LogTriageConfig } from "./log-triage-config";

/** Reads and mines the logs of a time window; stops early (rejecting) when the signal aborts. */
export interface LogReader {
  /** What is read, for messages: the path or the log groups. */
  readonly describe: string;
  read(window: TimeWindow, signal: AbortSignal): Promise<MinedOccurrences>;
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

  async read(window: TimeWindow, signal: AbortSignal): Promise<MinedOccurrences> {
    if (!this.client) {
      const { CloudWatchLogsClient: Client } = await import("@aws-sdk/client-cloudwatch-logs");
      this.client = new Client({ region: this.region });
    }
    const logs = new LogMiner({ format: this.format });
    return occurrencesOf(await mineLogGroups(this.client, this.groups, window, logs, signal), logs);
  }
}

/** The reader the config names (its schema guarantees exactly one of `cloudwatch` and `path`). */
export function logReaderFor(config: LogTriageConfig): LogReader {
  if (config.cloudwatch) return new CloudWatchLogReader(config.cloudwatch.region, config.cloudwatch.groups, config.format);
  return new FileLogReader(config.path ?? "", config.format);
}
