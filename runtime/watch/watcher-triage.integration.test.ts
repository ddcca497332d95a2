import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AlertmanagerClient } from "./alertmanager-client";
import { logReaderFor } from "./log-reader";
import { LogTriage } from "./log-triage";
import { parseWatchConfig } from "./watch-config";
import { WatchMetrics } from "./watch-metrics";
import { Watcher, type TickReport } from "./watcher";
import { PrometheusClient } from "../prometheus/prometheus-client";
import { startAlertmanager, startPrometheus, type TestPrometheus } from "../../testing/prometheus-process";
import { recordedValues } from "../../testing/recorded-data";
import { replayNginxOutage } from "../../testing/recorded-log";

const STEP = 5 * 60_000;
const MIN = 60_000;

// The recorded EC2 latency incident (NAB, as in watcher.integration.test.ts) replayed so that its last row ends five
// minutes ago, and the recorded nginx upstream outage (testing/data) replayed so that the upstream dies four minutes
// before the pass that raises the first alert: the logs a cluster would hold when its latency turns anomalous.
const values = recordedValues("ec2_request_latency_system_failure-first-2083.csv");
const INCIDENT_END = 2082;
const FIRST_ROW = 1950;
const end = Math.floor(Date.now() / STEP) * STEP - STEP;
const timeOfRow = (i: number): number => end - (INCIDENT_END - i) * STEP;

const config = (cluster: string, logs?: string): string => `prometheus: http://127.0.0.1:1
alertmanager: http://127.0.0.1:1
interval: 5m
history: ${FIRST_ROW * 5}m
colours: [blue]
labels: { cluster: ${cluster} }
signals:
  - { name: latency, query: 'latency_ms{colour="$colour"}', severity: critical }
${logs ? `logs:\n${logs}` : ""}`;

type Alert = { labels: Record<string, string>; annotations: Record<string, string> };

describe("icna watch with log triage, against a real Prometheus and a real Alertmanager", () => {
  let prom: TestPrometheus;
  let am: TestPrometheus;
  let dir: string;
  /** Row of the pass that raises the first alert, found by a watcher without logs. */
  let alertRow: number;

  function watcher(cluster: string, logs?: string): { watcher: Watcher; metrics: WatchMetrics } {
    const parsed = parseWatchConfig(config(cluster, logs), "watch.yaml");
    const metrics = new WatchMetrics();
    const triage = parsed.logs && new LogTriage(parsed.logs, logReaderFor(parsed.logs), metrics);
    return { watcher: new Watcher(parsed, new PrometheusClient(prom.url), new AlertmanagerClient(am.url), metrics, () => undefined, triage), metrics };
  }

  async function runUntilAlert(w: Watcher): Promise<{ row: number; report: TickReport }> {
    for (let i = FIRST_ROW; i <= INCIDENT_END; i++) {
      const report = await w.tick(timeOfRow(i));
      if (report.alerts.length > 0) return { row: i, report };
    }
    throw new Error("the recorded incident raised no alert");
  }

  async function activeAlert(cluster: string): Promise<Alert> {
    const alerts = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as Alert[];
    const mine = alerts.filter((a) => a.labels.cluster === cluster);
    expect(mine).toHaveLength(1);
    return mine[0];
  }

  beforeAll(async () => {
    const samples = values.slice(0, INCIDENT_END + 1).map((value, i) => ({ metric: "latency_ms", labels: { colour: "blue" }, value, timeSeconds: timeOfRow(i) / 1000 }));
    [prom, am] = await Promise.all([startPrometheus(samples), startAlertmanager()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-watch-triage-"));
    alertRow = (await runUntilAlert(watcher("dry-run").watcher)).row;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([prom?.stop(), am?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("puts the top hypotheses of the logs into the alert it raises, and exports the surging patterns", async () => {
    const file = replayNginxOutage(dir, timeOfRow(alertRow) - 4 * MIN);
    // The recording starts three minutes before the upstream dies: the baseline is the two minutes it covers before the window.
    const { watcher: w, metrics } = watcher("with-logs", `  path: ${file}\n  window: 5m\n  baseline: 2m\n  scanEvery: 1d\n`);
    const { row, report } = await runUntilAlert(w);
    expect(row).toBe(alertRow);
    expect(report).toMatchObject({ alertDelivery: "sent", triage: { reason: "alert", ok: true } });
    const alert = await activeAlert("with-logs");
    expect(alert.labels).toMatchObject({ alertname: "IcnaAnomaly", signal: "latency", severity: "critical" });
    expect(alert.annotations.description).toMatch(/expectation/);
    expect(alert.annotations.log_triage).toMatch(/^\d+ log entries \d\d:\d\d–\d\d:\d\d UTC against \d\d:\d\d–\d\d:\d\d: [1-5] hypothes[ie]s \(deterministic\)$/);
    expect(alert.annotations.log_hypotheses).toMatch(/^1\. \[(high|medium)\] New log pattern `.*no live upstreams while connecting to upstream/);
    expect(alert.annotations.log_hypotheses).toMatch(/Connection refused\) while connecting to upstream/);
    expect(alert.annotations.log_hypotheses).not.toMatch(/127\.0\.0\.1|1808[012]|\/api\//);
    expect(await metrics.registry.getSingleMetricAsString("icna_log_pattern_lines")).toMatch(/template="<NUM>#<NUM>: \*<NUM> no live upstreams while connecting to upstream[^"]*"\} \d+/);

    expect(await metrics.registry.getSingleMetricAsString("icna_watch_triage_runs_total")).toMatch(/reason="alert",outcome="ok"\} 1$/m);
  });

  it("lets the alert out in the same pass, saying why, when the logs cannot be read", async () => {
    const { watcher: w } = watcher("no-logs", `  path: ${path.join(dir, "missing")}\n  scanEvery: 1d\n`);
    const { row, report } = await runUntilAlert(w);
    expect(row).toBe(alertRow);
    expect(report).toMatchObject({ alertDelivery: "sent", triage: { reason: "alert", ok: false } });
    const alert = await activeAlert("no-logs");
    expect(alert.annotations.log_triage).toMatch(/^failed after \d+\.\d s: .*missing does not exist; give a log file or a folder of log files; alert sent without log hypotheses$/);
    expect(alert.annotations.log_hypotheses).toBeUndefined();
    expect(alert.annotations.summary).toMatch(/latency on blue is anomalous/);
  });
});
