import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { runTriage } from "./logs";

// Response shapes from the CloudWatch Logs API reference, FilterLogEvents: events[{logStreamName,
// timestamp, message, ingestionTime, eventId}] and nextToken while more pages remain.
const cloudwatch = mockClient(CloudWatchLogsClient);
const T0 = Date.UTC(2024, 3, 2, 12, 0, 0);
const MIN = 60_000;
const INCIDENT = "2024-04-02T12:00:00Z/2024-04-02T12:30:00Z";

function event(
  time: number,
  message: string,
  i: number,
): { logStreamName: string; timestamp: number; message: string; ingestionTime: number; eventId: string } {
  return {
    logStreamName: "kube.var.log.containers.api-7d9f_default_api-1.log",
    timestamp: time,
    message,
    ingestionTime: time + 800,
    eventId: `3791${String(i).padStart(52, "0")}`,
  };
}

describe("icna logs triage --cloudwatch", () => {
  const env = { ...process.env };
  beforeEach(() => {
    cloudwatch.reset();
    process.env.AWS_REGION = "eu-west-1";
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "test-secret";
    delete process.env.OPENAI_API_KEY;
  });
  afterEach(() => (process.env = { ...env }));

  it("reads every page of the group over the baseline and incident windows, one entry per event", async () => {
    const before = Array.from({ length: 120 }, (_, m) =>
      event(T0 - (120 - m) * MIN, `2024-04-02T10:00:00Z INFO GET /health 200 in ${m % 9} ms`, m),
    );
    const during = Array.from({ length: 30 }, (_, m) =>
      event(
        T0 + m * MIN,
        m % 3 === 0
          ? `ERROR connection to db-1.internal:5432 refused\n    at pg.connect (pool.js:${m})`
          : `INFO GET /health 200 in ${m % 9} ms`,
        200 + m,
      ),
    );
    cloudwatch
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: before, nextToken: "f/3791-page-2" })
      .resolvesOnce({ events: during });
    const report = await runTriage({
      cloudwatch: "/aws/containerinsights/prod-blue/application",
      incident: INCIDENT,
      baseline: "2024-04-02T10:00:00Z/2024-04-02T12:00:00Z",
    });
    const calls = cloudwatch.commandCalls(FilterLogEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0].args[0].input).toMatchObject({
      logGroupName: "/aws/containerinsights/prod-blue/application",
      startTime: Date.UTC(2024, 3, 2, 10),
      endTime: Date.UTC(2024, 3, 2, 12, 30) - 1,
    });
    expect(calls[1].args[0].input).toMatchObject({ nextToken: "f/3791-page-2" });
    expect(report.entries).toEqual({ read: 150, without_timestamp: 0 });
    expect(report.patterns[0]).toMatchObject({
      template: "connection to db-<NUM>.internal:<NUM> refused",
      new: true,
      incident_count: 10,
    });
  });

  it("says when the group does not exist, naming it and the region", async () => {
    cloudwatch
      .on(FilterLogEventsCommand)
      .rejects(new ResourceNotFoundException({ message: "The specified log group does not exist.", $metadata: {} }));
    await expect(runTriage({ cloudwatch: "/aws/eks/nope", incident: INCIDENT })).rejects.toThrow(
      "log group /aws/eks/nope does not exist in eu-west-1: check --cloudwatch and AWS_REGION",
    );
  });

  it("wants exactly one source", async () => {
    await expect(runTriage({ incident: INCIDENT })).rejects.toThrow(
      "give one of --input <file|dir> or --cloudwatch <log group>",
    );
  });
});
