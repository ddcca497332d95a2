import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PrometheusClient } from "../prometheus/prometheus-client";
import { replayNginxOutage } from "../../testing/recorded-log";
import { AlertmanagerClient, type PostableAlert } from "./alertmanager-client";
import { logReaderFor, type LogReader } from "./log-reader";
import { LogTriage } from "./log-triage";
import { parseWatchConfig } from "./watch-config";
import { WatchMetrics } from "./watch-metrics";
import { Watcher } from "./watcher";
import { startLoopbackServer } from "../../testing/loopback-server";

const STEP = 60_000;
const T0 = Date.UTC(2027, 0, 10, 6, 0, 0);
/** A steady day (the new-extreme rule needs one), then a spike at SURGE and a higher one at SECOND, both new extremes. */
const SURGE = T0 + 25 * 60 * STEP;
const SECOND = SURGE + 90 * STEP;
const valueAt = (t: number): number => (t === SURGE ? 5000 : t === SECOND ? 10_000 : 100 + ((t / STEP) % 5));

const serve = startLoopbackServer;

describe("watcher with log triage: once per new alert", () => {
  let prometheus: Awaited<ReturnType<typeof serve>>;
  let alertmanager: Awaited<ReturnType<typeof serve>>;
  let posted: PostableAlert[][];
  let alertmanagerDown = false;
  let dir: string;
  beforeAll(async () => {
    prometheus = await serve((req, res) => {
      const params = new URL(req.url ?? "/", "http://x").searchParams;
      const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)) * 1000);
      const values: [number, string][] = [];
      for (let t = start; t <= end; t += step) values.push([t / 1000, String(valueAt(t))]);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: [{ metric: {}, values }] } }));
    });
    alertmanager = await serve((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (alertmanagerDown) return res.writeHead(503).end("down for the test");
        posted.push(JSON.parse(body) as PostableAlert[]);
        res.writeHead(200).end();
      });
    });
  });
  afterAll(async () => Promise.all([prometheus.close(), alertmanager.close()]));
  beforeEach(() => {
    posted = [];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-watcher-triage-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("triages the logs when the alert is new, keeps the hypotheses on the alert it re-sends, and triages again for the next alert", async () => {
    const file = replayNginxOutage(dir, SURGE - 4 * STEP);
    const config = parseWatchConfig(`prometheus: ${prometheus.url}\nalertmanager: ${alertmanager.url}\ninterval: 1m\nhistory: 25h\ncolours: [blue]\nsignals:\n  - { name: latency, query: 'latency{colour="$colour"}' }\nlogs:\n  path: ${file}\n  window: 5m\n  baseline: 2m\n  scanEvery: 1d\n`, "watch.yaml");
    const logs = config.logs!;
    const real = logReaderFor(logs);
    let reads = 0;
    const counting: LogReader = { describe: real.describe, read: (window, signal) => ((reads += 1), real.read(window, signal)), check: (nowMs) => real.check(nowMs) };
    const watcher = new Watcher(config, new PrometheusClient(prometheus.url), new AlertmanagerClient(alertmanager.url), new WatchMetrics(), () => undefined, new LogTriage(logs, counting, new WatchMetrics()));

    const first = await watcher.tick(SURGE - STEP);
    expect(first.triage).toMatchObject({ reason: "scan" });
    expect(first.alerts).toEqual([]);
    expect(reads).toBe(1);

    // Alertmanager refuses the new alert: it is kept, with its hypotheses, for the next pass.
    alertmanagerDown = true;
    const alerting = await watcher.tick(SURGE);
    alertmanagerDown = false;
    expect(alerting).toMatchObject({ alertDelivery: "failed", triage: { reason: "alert", ok: true } });
    expect(alerting.alerts).toHaveLength(1);
    expect(reads).toBe(2);
    const hypotheses = alerting.alerts[0].annotations.log_hypotheses;
    expect(hypotheses).toMatch(/^1\. \[\w+\] New log pattern `.*no live upstreams/);

    // The detector rests after its alert (no new alert), so this pass only re-sends the kept one: no second triage.
    const resent = await watcher.tick(SURGE + STEP);
    expect(resent).toMatchObject({ alerts: [], alertDelivery: "sent" });
    expect(resent.triage).toBeUndefined();
    expect(reads).toBe(2);
    expect(posted).toHaveLength(1);
    expect(posted[0][0].annotations).toMatchObject({ log_hypotheses: hypotheses, log_triage: alerting.alerts[0].annotations.log_triage });

    // Once the first alert has ended (its endsAt, three intervals on), the next one is new: triaged afresh.
    for (let t = SURGE + 2 * STEP; t < SECOND; t += STEP) expect((await watcher.tick(t)).alerts).toEqual([]);
    const next = await watcher.tick(SECOND);
    expect(next.alerts).toHaveLength(1);
    expect(next.triage).toMatchObject({ reason: "alert" });
    expect(reads).toBe(3);
  });
});
