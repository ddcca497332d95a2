import { CloudWatchLogsClient, paginateFilterLogEvents } from "@aws-sdk/client-cloudwatch-logs";
import type { TimeWindow } from "./triage";

/** One CloudWatch Logs event: its ingestion-side timestamp (epoch ms), message and stream. */
export interface CloudWatchEvent {
  readonly time: number;
  readonly message: string;
  readonly stream: string;
}

/** A log group that cannot be read; the message names the group and what to check. */
export class CloudWatchReadError extends Error {
  constructor(
    message: string,
    /** `missing`: no such group; `denied`: the caller may not read it; `other`: anything else (network, throttling…). */
    readonly kind: "missing" | "denied" | "other" = "other",
  ) {
    super(message);
    this.name = "CloudWatchReadError";
  }
}

/**
 * Streams every event of a log group in a time window through FilterLogEvents (all streams,
 * paginated by the SDK's paginator), oldest page first as the API returns them.
 */
export async function* readLogGroup(
  client: CloudWatchLogsClient,
  logGroupName: string,
  window: TimeWindow,
): AsyncGenerator<CloudWatchEvent> {
  try {
    for await (const page of paginateFilterLogEvents(
      { client, pageSize: 10_000 },
      { logGroupName, startTime: window.start, endTime: window.end - 1 },
    )) {
      for (const event of page.events ?? []) {
        if (event.timestamp === undefined || event.message === undefined) continue;
        yield { time: event.timestamp, message: event.message, stream: event.logStreamName ?? "" };
      }
    }
  } catch (error) {
    const name = (error as { name?: string }).name ?? "Error";
    if (name === "ResourceNotFoundException")
      throw new CloudWatchReadError(
        `log group ${logGroupName} does not exist in ${await client.config.region()}: check --cloudwatch and AWS_REGION`,
        "missing",
      );
    if (name === "AccessDeniedException")
      throw new CloudWatchReadError(
        `not allowed to read log group ${logGroupName}: the caller needs logs:FilterLogEvents on it`,
        "denied",
      );
    throw new CloudWatchReadError(`cannot read log group ${logGroupName}: ${name}: ${(error as Error).message}`);
  }
}
