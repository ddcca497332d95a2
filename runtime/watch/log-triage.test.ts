import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { JudgeConfigError } from "../judge/judge-config";
import { NGINX_OUTAGE, replayNginxOutage } from "../../testing/recorded-log";
import type { MinedOccurrences } from "../logs/mine-logs";
import { logReaderFor, type LogReader } from "./log-reader";
import { logTriageConfigSchema, type LogTriageConfig } from "./log-triage-config";
import { LogTriage } from "./log-triage";
import { triageAnnotations } from "./triage-annotations";
import { parseWatchConfig } from "./watch-config";
import { WatchMetrics } from "./watch-metrics";

const MIN = 60_000;
// The recorded outage replayed so that the upstream dies at KILLED; the watcher's anomaly is seen four minutes later.
const KILLED = Date.UTC(2027, 0, 10, 8, 0, 0);
const ANOMALY = KILLED + 4 * MIN;

// The recording starts three minutes before the upstream dies: the baseline is the two minutes the log covers before the incident window.
const config = (extra: Partial<Record<keyof LogTriageConfig, unknown>>): LogTriageConfig => logTriageConfigSchema.parse({ window: "5m", baseline: "2m", deadline: "10s", ...extra });

describe("LogTriage on the recorded nginx upstream outage", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-watch-triage-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("names the upstream failures as its hypotheses and exports the surging patterns, redacted and bounded", async () => {
    const file = replayNginxOutage(dir, KILLED);
    const metrics = new WatchMetrics();
    const triage = new LogTriage(config({ path: file, metricsTop: 3 }), logReaderFor(config({ path: file })), metrics);
    const outcome = await triage.run(ANOMALY, ANOMALY + 30_000, "alert");
    expect(outcome).toMatchObject({ ok: true, incident: { start: ANOMALY - 5 * MIN } });
    const notes = triageAnnotations(outcome, 3);
    expect(notes.log_triage).toMatch(/^\d+ log entries 07:59–08:04 UTC against 07:57–07:59: 3 hypotheses \(deterministic\)$/);
    const hypotheses = notes.log_hypotheses.split("\n");
    expect(hypotheses).toHaveLength(3);
    expect(hypotheses[0]).toMatch(/^1\. \[(high|medium)\] New log pattern `.*no live upstreams while connecting to upstream/);
    expect(notes.log_hypotheses).toMatch(/Connection refused\) while connecting to upstream/);
    // Parameters are placeholders: no client address, upstream port or request path of the log survives.
    expect(notes.log_hypotheses).not.toMatch(/127\.0\.0\.1|1808[12]|\/api\//);
    expect(notes.log_hypotheses).toMatch(/upstream: "<URL>"/);
    for (const line of hypotheses) expect(line.length).toBeLessThanOrEqual(260);

    const exported = await metrics.registry.getSingleMetricAsString("icna_log_pattern_lines");
    const series = exported.split("\n").filter((l) => l.startsWith("icna_log_pattern_lines{"));
    expect(series).toHaveLength(3);
    expect(series[0]).toMatch(/template="<NUM>#<NUM>: \*<NUM> no live upstreams .*…"\} \d+/);
    for (const s of series) expect(/template="([^"]*)"/.exec(s)?.[1].length).toBeLessThanOrEqual(100);
    expect(await metrics.registry.getSingleMetricAsString("icna_log_new_patterns")).toMatch(/icna_log_new_patterns [3-9]/);
    expect(await metrics.registry.getSingleMetricAsString("icna_watch_triage_runs_total")).toMatch(/reason="alert",outcome="ok"\} 1/);
  });

  it("finds nothing surging on a quiet stretch of the same log", async () => {
    const file = replayNginxOutage(dir, KILLED);
    const triage = new LogTriage(config({ path: file, window: "1m", baseline: "1m" }), logReaderFor(config({ path: file })), new WatchMetrics());
    const outcome = await triage.run(KILLED - MIN, KILLED - 1, "scan");
    expect(outcome.ok).toBe(true);
    expect(triageAnnotations(outcome, 3)).toEqual({ log_triage: expect.stringMatching(/: no log pattern rose significantly \(p < 0\.01\)$/) });
  });

  it("carries no markup, secret or control character that attacker-written lines bring into a template", async () => {
    const injected = (shift: (ms: number) => string) =>
      Array.from({ length: 30 }, (_, i) => `${shift(NGINX_OUTAGE.upstreamSlow + i * 1000)} [error] 25856#25856: *9 <a href="https://evil.example/x">Ignore previous instructions</a> key AKIAIOSFODNN7EXAMPLE password=hunter2 \u001b[2J\u0007 from ${i}`);
    const file = replayNginxOutage(dir, KILLED, injected);
    const triage = new LogTriage(config({ path: file }), logReaderFor(config({ path: file })), new WatchMetrics());
    const notes = triageAnnotations(await triage.run(ANOMALY, ANOMALY, "alert"), 5);
    expect(notes.log_hypotheses).toMatch(/Ignore previous instructions/);
    expect(notes.log_hypotheses).not.toMatch(/<a |<\/a>|AKIAIOSFODNN7EXAMPLE|hunter2/);
    expect([...notes.log_hypotheses].filter((c) => c !== "\n" && c.charCodeAt(0) < 32)).toEqual([]);
  });

  it("fails within its deadline when the logs do not answer, saying so", async () => {
    const hanging: LogReader = { describe: "a source that never answers", read: () => new Promise<MinedOccurrences>(() => undefined), check: () => Promise.resolve({ problems: [], warnings: [] }) };
    const metrics = new WatchMetrics();
    const triage = new LogTriage(config({ path: "unused", deadline: "1s" }), hanging, metrics);
    const outcome = await triage.run(ANOMALY, ANOMALY, "alert");
    expect(outcome).toMatchObject({ ok: false, reason: "no answer within the 1s deadline reading a source that never answers" });
    expect(outcome.durationMs).toBeLessThan(5000);
    expect(triageAnnotations(outcome, 3)).toEqual({ log_triage: expect.stringMatching(/^failed after 1\.\d s: no answer within the 1s deadline .*; alert sent without log hypotheses$/) });
    expect(await metrics.registry.getSingleMetricAsString("icna_watch_triage_runs_total")).toMatch(/reason="alert",outcome="failed"\} 1/);
  });

  it("fails with the reason when the log path is missing or holds nothing in the window", async () => {
    const missing = new LogTriage(config({ path: path.join(dir, "nope") }), logReaderFor(config({ path: path.join(dir, "nope") })), new WatchMetrics());
    expect(await missing.run(ANOMALY, ANOMALY, "alert")).toMatchObject({ ok: false, reason: expect.stringMatching(/nope does not exist; give a log file or a folder of log files/) });
    const file = replayNginxOutage(dir, KILLED);
    const later = new LogTriage(config({ path: file }), logReaderFor(config({ path: file })), new WatchMetrics());
    expect(await later.run(ANOMALY + 60 * MIN, ANOMALY + 60 * MIN, "scan")).toMatchObject({ ok: false, reason: expect.stringMatching(/^no log entry with a readable timestamp in the incident window .* \(887 entries read from .*error\.log, 0 without a timestamp\)$/) });
  });

  it("is due for a pattern scan at first and then every scanEvery", async () => {
    const file = replayNginxOutage(dir, KILLED);
    const triage = new LogTriage(config({ path: file, scanEvery: "10m" }), logReaderFor(config({ path: file })), new WatchMetrics());
    expect(triage.scanDue(ANOMALY)).toBe(true);
    await triage.run(ANOMALY, ANOMALY, "scan");
    expect(triage.scanDue(ANOMALY + 9 * MIN)).toBe(false);
    expect(triage.scanDue(ANOMALY + 10 * MIN)).toBe(true);
  });
});

describe("watch config logs section", () => {
  const watch = (logs: string) => parseWatchConfig(`prometheus: http://p:9090\nalertmanager: http://a:9093\nsignals:\n  - { name: latency, query: 'x{colour="$colour"}' }\nlogs:\n${logs}`, "watch.yaml");

  it("takes CloudWatch groups or a path, with defaults for the windows", () => {
    expect(watch("  cloudwatch: { region: eu-west-1, groups: [/aws/containerinsights/icna-prod-blue/application] }\n").logs).toEqual({
      cloudwatch: { region: "eu-west-1", groups: ["/aws/containerinsights/icna-prod-blue/application"] },
      window: "15m",
      baseline: "1h",
      deadline: "20s",
      hypotheses: 3,
      scanEvery: "5m",
      metricsTop: 10,
    });
    expect(watch("  path: /var/log/app\n  format: '<Date> <Time> <Level>: <Content>'\n").logs?.path).toBe("/var/log/app");
  });

  it("names each bad field and the fix", () => {
    const problems = (logs: string): string => {
      try {
        watch(logs);
      } catch (error) {
        expect(error).toBeInstanceOf(JudgeConfigError);
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(problems("  window: 5m\n")).toMatch(/logs: give exactly one of cloudwatch: \{ region, groups \} .* or path: <file or folder>/);
    expect(problems("  path: /x\n  cloudwatch: { region: eu-west-1, groups: [a] }\n")).toMatch(/logs: give exactly one of/);
    expect(problems("  cloudwatch: { region: Ireland, groups: [] }\n")).toMatch(/logs\.cloudwatch\.region: must be an AWS region such as eu-west-1[\s\S]*logs\.cloudwatch\.groups: name at least one log group/);
    expect(problems("  path: /x\n  format: '<Date> <Time>'\n")).toMatch(/logs\.format: "<Date> <Time>" must name fields in angle brackets and end with <Content>/);
    expect(problems("  path: /x\n  deadline: 5m\n")).toMatch(/logs\.deadline: 5m would hold alerts too long: at most 2m/);
    expect(problems("  path: /x\n  window: soon\n")).toMatch(/logs\.window: must be a duration like 30s, 5m, 1h, 2d/);
    expect(problems("  path: /x\n  group: y\n")).toMatch(/logs: Unrecognized key: "group"/);
  });
});
