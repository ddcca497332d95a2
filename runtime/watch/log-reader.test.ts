import * as fs from "node:fs";
import { AccessDeniedException, CloudWatchLogsClient, FilterLogEventsCommand, ResourceNotFoundException, ThrottlingException, type FilteredLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { recordedDataPath } from "../../testing/recorded-data";
import { NGINX_OUTAGE } from "../../testing/recorded-log";
import { logReaderFor } from "./log-reader";
import { logTriageConfigSchema } from "./log-triage-config";
import { LogTriage } from "./log-triage";
import { WatchMetrics } from "./watch-metrics";

// FilterLogEvents answers in the API reference's shape: events[{logStreamName, timestamp, message, ingestionTime,
// eventId}] and a nextToken while pages remain. The messages are the recorded nginx outage's lines, timed as Fluent Bit
// would have sent them (the event timestamp is the line's time).
const cloudwatch = mockClient(CloudWatchLogsClient);
const GROUP = "/aws/containerinsights/icna-prod-blue/application";
const MIN = 60_000;

function recordedEvents(): FilteredLogEvent[] {
  return fs
    .readFileSync(recordedDataPath("nginx-upstream-outage-error.log"), "utf8")
    .split("\n")
    .filter((line) => line.length > 0)
    .map((message, i) => {
      const [date, time] = message.split(" ");
      const timestamp = Date.parse(`${date.replace(/\//g, "-")}T${time}Z`);
      return { logStreamName: "ingress.nginx-7d9f.nginx", timestamp, message, ingestionTime: timestamp + 700, eventId: `3791${String(i).padStart(52, "0")}` };
    });
}

const config = logTriageConfigSchema.parse({ cloudwatch: { region: "eu-west-1", groups: [GROUP] }, window: "5m", baseline: "2m" });

describe("the watcher's CloudWatch Logs reader", () => {
  const env = { ...process.env };
  beforeEach(() => {
    cloudwatch.reset();
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "test-secret";
  });
  afterEach(() => (process.env = { ...env }));

  it("reads every page of the group over the baseline and incident windows in the configured region, and triages it", async () => {
    const events = recordedEvents();
    const half = Math.floor(events.length / 2);
    cloudwatch.on(FilterLogEventsCommand).resolvesOnce({ events: events.slice(0, half), nextToken: "f/3791-page-2" }).resolvesOnce({ events: events.slice(half) });
    const anomaly = NGINX_OUTAGE.upstreamKilled + 4 * MIN;
    const outcome = await new LogTriage(config, logReaderFor(config), new WatchMetrics()).run(anomaly, anomaly, "alert");
    expect(outcome).toMatchObject({ ok: true, incidentEntries: expect.any(Number) });
    expect(outcome.ok && outcome.hypotheses[0].title).toMatch(/no live upstreams while connecting to upstream/);
    const calls = cloudwatch.commandCalls(FilterLogEventsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0].args[0].input).toMatchObject({ logGroupName: GROUP, startTime: anomaly - 7 * MIN, endTime: anomaly });
    expect(calls[1].args[0].input).toMatchObject({ nextToken: "f/3791-page-2" });
    expect(await (calls[0].thisValue as CloudWatchLogsClient).config.region()).toBe("eu-west-1");
  });

  it("turns a refused read into a failed triage that names the group and the permission", async () => {
    cloudwatch.on(FilterLogEventsCommand).rejects(new AccessDeniedException({ message: "User is not authorized to perform: logs:FilterLogEvents", $metadata: {} }));
    const outcome = await new LogTriage(config, logReaderFor(config), new WatchMetrics()).run(NGINX_OUTAGE.restored, NGINX_OUTAGE.restored, "alert");
    expect(outcome).toMatchObject({ ok: false, reason: `not allowed to read log group ${GROUP}: the caller needs logs:FilterLogEvents on it` });
  });

  it("checks at start that each group can be read, naming the field to fix, and only warns about what may heal", async () => {
    const two = logTriageConfigSchema.parse({ cloudwatch: { region: "eu-west-1", groups: [GROUP, "/aws/containerinsights/typo/application"] } });
    cloudwatch
      .on(FilterLogEventsCommand, { logGroupName: GROUP })
      .resolves({ events: recordedEvents().slice(0, 1) })
      .on(FilterLogEventsCommand, { logGroupName: "/aws/containerinsights/typo/application" })
      .rejects(new ResourceNotFoundException({ message: "The specified log group does not exist.", $metadata: {} }));
    expect(await logReaderFor(two).check(NGINX_OUTAGE.end)).toEqual({
      problems: ["logs.cloudwatch.groups.1: log group /aws/containerinsights/typo/application does not exist in eu-west-1: check the group name and logs.cloudwatch.region"],
      warnings: [],
    });
    expect(cloudwatch.commandCalls(FilterLogEventsCommand)[0].args[0].input).toMatchObject({ startTime: NGINX_OUTAGE.end - 1000, endTime: NGINX_OUTAGE.end - 1 });
    cloudwatch.reset();
    cloudwatch.on(FilterLogEventsCommand).rejects(new ThrottlingException({ message: "Rate exceeded", $metadata: {} }));
    expect(await logReaderFor(config).check(NGINX_OUTAGE.end)).toEqual({ problems: [], warnings: [expect.stringMatching(/^logs\.cloudwatch\.groups\.0: cannot read log group .*: ThrottlingException: Rate exceeded$/)] });
    // Access denied may be IAM still propagating after the role was created: a warning, the watcher still alerts.
    cloudwatch.reset();
    cloudwatch.on(FilterLogEventsCommand).rejects(new AccessDeniedException({ message: "not authorized", $metadata: {} }));
    expect(await logReaderFor(config).check(NGINX_OUTAGE.end)).toEqual({ problems: [], warnings: [`logs.cloudwatch.groups.0: not allowed to read log group ${GROUP}: the caller needs logs:FilterLogEvents on it`] });
  });

  it("checks at start that a log path exists", async () => {
    const missing = logTriageConfigSchema.parse({ path: "/nonexistent/app.log" });
    expect(await logReaderFor(missing).check(0)).toEqual({ problems: ["logs.path: /nonexistent/app.log does not exist; give a log file or a folder of log files"], warnings: [] });
  });
});
