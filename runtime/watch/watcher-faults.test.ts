import { JudgeConfigError } from "../judge/judge-config";
import { PrometheusClient } from "../prometheus/prometheus-client";
import { closedPortUrl } from "../../testing/closed-port";
import { AlertmanagerClient } from "./alertmanager-client";
import { checkSignals } from "./signal-check";
import { parseWatchConfig } from "./watch-config";
import { WatchMetrics } from "./watch-metrics";
import { Watcher } from "./watcher";
import { startLoopbackServer } from "../../testing/loopback-server";

/**
 * A Prometheus that answers as 2.42 does: a query with unbalanced parentheses is bad_data, a range of
 * more than 11,000 points is refused, anything else is a flat series at 10.
 */
async function strictPrometheus(): Promise<{ url: string; maxPoints: () => number; close: () => Promise<void> }> {
  let maxPoints = 0;
  const server = await startLoopbackServer((req, res) => {
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const query = params.get("query") ?? "";
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (query.split("(").length !== query.split(")").length) return send(400, { status: "error", errorType: "bad_data", error: "1:9: parse error: unclosed left parenthesis" });
    if (req.url?.startsWith("/api/v1/query?")) return send(200, { status: "success", data: { resultType: "vector", result: [{ metric: {}, value: [1, "10"] }] } });
    const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
    const points = Math.floor((end - start) / step) + 1;
    if (points > 11_000) return send(400, { status: "error", errorType: "bad_data", error: "exceeded maximum resolution of 11,000 points per timeseries" });
    maxPoints = Math.max(maxPoints, points);
    const values: [number, string][] = [];
    for (let t = start; t <= end; t += step) values.push([t, "10"]);
    send(200, { status: "success", data: { resultType: "matrix", result: [{ metric: {}, values }] } });
  });
  return { url: server.url, maxPoints: () => maxPoints, close: server.close };
}

const config = (signals: string, extra = "interval: 5m\nhistory: 1h\n") =>
  parseWatchConfig(`prometheus: http://127.0.0.1:1\nalertmanager: http://127.0.0.1:1\n${extra}colours: [blue]\nsignals:\n${signals}`, "watch.yaml");
const BAD_THEN_GOOD = `  - { name: broken, query: 'sum(rate(errors{colour="$colour"}[5m])' }\n  - { name: latency, query: 'latency_ms{colour="$colour"}' }\n`;

describe("watcher with one bad signal", () => {
  let prom: Awaited<ReturnType<typeof strictPrometheus>>;
  beforeAll(async () => (prom = await strictPrometheus()));
  afterAll(() => prom.close());

  it("reports the bad signal as its own error and scores the others, with Prometheus up", async () => {
    const metrics = new WatchMetrics();
    const log: string[] = [];
    const watcher = new Watcher(config(BAD_THEN_GOOD), new PrometheusClient(prom.url), new AlertmanagerClient(await closedPortUrl()), metrics, (l) => log.push(l));
    const now = Date.UTC(2026, 10, 20, 12, 0, 0);
    expect(watcher.readiness(now)).toMatchObject({ ready: false });
    const report = await watcher.tick(now);
    expect(report.prometheus).toBe("up");
    expect(report.points).toBeGreaterThan(0);
    expect(report.signalErrors).toEqual([{ signal: "broken", colour: "blue", error: expect.stringMatching(/rejected.*parse error/) }]);
    const exported = await metrics.registry.metrics();
    expect(exported).toMatch(/icna_watch_prometheus_up 1/);
    expect(exported).toMatch(/icna_watch_signal_up\{signal="broken",colour="blue"\} 0/);
    expect(exported).toMatch(/icna_watch_signal_up\{signal="latency",colour="blue"\} 1/);
    expect(exported).toMatch(/icna_anomaly_value\{signal="latency",colour="blue"\} 10/);
    expect(log.join("\n")).toMatch(/signal broken \(blue\) not scored/);
    expect(watcher.readiness(now)).toEqual({ ready: true, reason: "scoring" });
    expect(watcher.readiness(now + 16 * 60_000)).toMatchObject({ ready: false, reason: expect.stringMatching(/no pass has scored since/) });
  });

  it("is not ready when every signal fails, nor while Prometheus is down", async () => {
    const now = Date.UTC(2026, 10, 20, 12, 0, 0);
    const allBad = new Watcher(config(`  - { name: broken, query: 'sum(x{colour="$colour"}' }\n`), new PrometheusClient(prom.url), new AlertmanagerClient(await closedPortUrl()), new WatchMetrics());
    await allBad.tick(now);
    expect(allBad.readiness(now)).toMatchObject({ ready: false, reason: expect.stringMatching(/scored no signal/) });
    const down = new Watcher(config(BAD_THEN_GOOD), new PrometheusClient(await closedPortUrl(), { retries: 0 }), new AlertmanagerClient(await closedPortUrl()), new WatchMetrics());
    expect((await down.tick(now)).prometheus).toBe("down");
    expect(down.readiness(now)).toMatchObject({ ready: false });
  });

  it("finds the bad signal query at start, naming it", async () => {
    const check = await checkSignals(config(BAD_THEN_GOOD), new PrometheusClient(prom.url), Date.now());
    expect(check.problems).toEqual([expect.stringMatching(/^signals\.0 \(broken, blue\): .*parse error/)]);
    const unreachable = await checkSignals(config(BAD_THEN_GOOD), new PrometheusClient(await closedPortUrl(), { retries: 0 }), Date.now());
    expect(unreachable).toMatchObject({ problems: [], unchecked: expect.stringMatching(/cannot reach/) });
  });

  it("reads a 15 s interval over the default 2-day history (11,520 points) in pieces Prometheus accepts", async () => {
    const watcher = new Watcher(config(`  - { name: latency, query: 'latency_ms{colour="$colour"}' }\n`, "interval: 15s\n"), new PrometheusClient(prom.url), new AlertmanagerClient(await closedPortUrl()), new WatchMetrics());
    const report = await watcher.tick(Date.UTC(2026, 10, 20, 12, 0, 0));
    expect(report).toMatchObject({ prometheus: "up", signalErrors: [] });
    expect(report.points).toBe(2 * 86_400 / 15 + 1);
    expect(prom.maxPoints()).toBeLessThanOrEqual(11_000);
  });
});

describe("watch config", () => {
  it("refuses two signals with the same name", () => {
    const twice = `  - { name: latency, query: 'a{colour="$colour"}' }\n  - { name: latency, query: 'b{colour="$colour"}' }\n`;
    expect(() => config(twice)).toThrow(JudgeConfigError);
    expect(() => config(twice)).toThrow(/signals\.1\.name: "latency" is already the name of signals\.0/);
  });
});
