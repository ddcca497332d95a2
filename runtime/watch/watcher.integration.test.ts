import { AlertmanagerClient } from "./alertmanager-client";
import { parseWatchConfig } from "./watch-config";
import { WatchMetrics } from "./watch-metrics";
import { Watcher } from "./watcher";
import { PrometheusClient } from "../prometheus/prometheus-client";
import { startAlertmanager, startPrometheus, type TestPrometheus } from "../../testing/prometheus-process";
import { recordedValues } from "../../testing/recorded-data";

const STEP = 5 * 60_000;

// A recorded incident: NAB realKnownCause/ec2_request_latency_system_failure (5-minute request latency of an
// EC2 service before a system failure; labelled window 2014-03-14 03:31–14:41). Replayed at its own 5-minute
// cadence so that row INCIDENT_END ends five minutes ago. Rows QUIET_START… are a quiet day of the same series.
const values = recordedValues("ec2_request_latency_system_failure-first-2083.csv");
const INCIDENT_END = 2082;
const QUIET_START = 1400;
const end = Math.floor(Date.now() / STEP) * STEP - STEP;
const timeOfRow = (i: number): number => end - (INCIDENT_END - i) * STEP;

function config(historyRows: number): string {
  return `prometheus: http://127.0.0.1:1
alertmanager: http://127.0.0.1:1
interval: 5m
history: ${historyRows * 5}m
colours: [blue]
labels: { cluster: prod }
signals:
  - { name: latency, query: 'latency_ms{colour="$colour"}', severity: critical }
`;
}

async function activeAlerts(url: string): Promise<Array<{ labels: Record<string, string>; annotations: Record<string, string> }>> {
  const response = await fetch(`${url}/api/v2/alerts`);
  return (await response.json()) as Array<{ labels: Record<string, string>; annotations: Record<string, string> }>;
}

describe("watcher against a real Prometheus and a real Alertmanager", () => {
  let prom: TestPrometheus;
  let am: TestPrometheus;
  beforeAll(async () => {
    const samples = values.slice(0, INCIDENT_END + 1).map((value, i) => ({ metric: "latency_ms", labels: { colour: "blue" }, value, timeSeconds: timeOfRow(i) / 1000 }));
    [prom, am] = await Promise.all([startPrometheus(samples), startAlertmanager()]);
  });
  afterAll(async () => {
    await Promise.all([prom?.stop(), am?.stop()]);
  });

  function watcher(historyRows: number, log: string[] = [], timeoutMs = 10_000): { watcher: Watcher; metrics: WatchMetrics } {
    const metrics = new WatchMetrics();
    const w = new Watcher(parseWatchConfig(config(historyRows), "watch.yaml"), new PrometheusClient(prom.url, { deadlineMs: timeoutMs }), new AlertmanagerClient(am.url), metrics, (l) => log.push(l));
    return { watcher: w, metrics };
  }

  it("raises no alert on a quiet day", async () => {
    const { watcher: w, metrics } = watcher(QUIET_START);
    let scored = 0;
    for (let i = QUIET_START; i <= QUIET_START + 288; i++) {
      const report = await w.tick(timeOfRow(i));
      expect(report.prometheus).toBe("up");
      expect(report.alerts).toEqual([]);
      scored += report.points;
    }
    expect(scored).toBeGreaterThan(QUIET_START + 280);
    expect(await activeAlerts(am.url)).toEqual([]);
    const exposed = await metrics.registry.metrics();
    expect(exposed).toMatch(/icna_anomaly_score\{signal="latency",colour="blue"\} 0/);
    expect(exposed).toMatch(/icna_anomaly_expected_high\{signal="latency",colour="blue"\} \d/);
  });

  it("raises an alert with its explanation on the recorded incident", async () => {
    const { watcher: w, metrics } = watcher(1950);
    const alerted: string[] = [];
    for (let i = 1950; i <= INCIDENT_END; i++) {
      const report = await w.tick(timeOfRow(i));
      if (report.alerts.length > 0) alerted.push(report.alerts[0].startsAt);
    }
    expect(alerted.length).toBeGreaterThan(0);
    // The first alert falls inside the labelled window (03:31–14:41 on the incident day, rows 2037–2171).
    const firstRow = INCIDENT_END - (end - Date.parse(alerted[0])) / STEP;
    expect(firstRow).toBeGreaterThanOrEqual(2037);
    const alerts = await activeAlerts(am.url);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].labels).toMatchObject({ alertname: "IcnaAnomaly", signal: "latency", colour: "blue", severity: "critical", cluster: "prod" });
    expect(alerts[0].annotations.description).toMatch(/below expectation \(expected .*\), by range-novelty/);
    expect(await metrics.registry.getSingleMetricAsString("icna_watch_alerts_sent_total")).toMatch(/signal="latency",colour="blue"} [1-9]/);
  });

  it("keeps working through a Prometheus outage, says so, and catches up afterwards", async () => {
    const log: string[] = [];
    // A paused Prometheus hangs rather than refusing, so each down tick waits for this timeout; 3 s leaves room on a loaded machine.
    const { watcher: w, metrics } = watcher(1000, log, 3000);
    expect((await w.tick(timeOfRow(1000))).prometheus).toBe("up");
    prom.pause();
    try {
      for (const i of [1001, 1002, 1003]) {
        const report = await w.tick(timeOfRow(i));
        expect(report.prometheus).toBe("down");
        expect(report.outage).toMatch(/no complete answer from http:\/\/127\.0\.0\.1:\d+ within the deadline/);
      }
    } finally {
      prom.resume();
    }
    expect(await metrics.registry.getSingleMetricAsString("icna_watch_prometheus_up")).toMatch(/icna_watch_prometheus_up 0/);
    expect(log[0]).toMatch(/^Prometheus outage: .*Scores are stale since .*; the watcher keeps its state and will catch up when Prometheus answers\.$/);
    const recovered = await w.tick(timeOfRow(1004));
    expect(recovered.prometheus).toBe("up");
    expect(recovered.points).toBe(4);
    expect(await metrics.registry.getSingleMetricAsString("icna_watch_prometheus_up")).toMatch(/icna_watch_prometheus_up 1/);
  });
});
