import { closedPortUrl } from "../../testing/closed-port";
import { startLoopbackServer } from "../../testing/loopback-server";
import { MAX_LEAD_SEARCH_MINUTES } from "../simulate/outcome";
import { LoadUnknownError, PredictiveScaler } from "./predictive-scaler";
import { parseScalerMetadata } from "./scaler-metadata";
import { ScalerMetrics } from "./scaler-metrics";

const STEP_S = 300;
const STEP_MS = STEP_S * 1000;
const DAY_MS = 86_400_000;
/** Long enough for a first fit in a worker thread on a loaded machine: these tests check what is forecast, not how fast. */
const FIRST_FIT_WAIT_MS = 60_000;
/** Daily-seasonal request rate: a smooth day curve, quiet nights. */
const load = (t: number) => 600 + 400 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS);

/** The load at `t` for `query`, or undefined where Prometheus has no sample. */
type Sampler = (t: number, query: string) => number | undefined;

/** A Prometheus query_range endpoint on loopback answering from `sample`, recording the windows asked for. */
async function fakePrometheus(sample: Sampler = (t) => load(t)): Promise<{ url: string; windows: [number, number][]; close: () => Promise<void> }> {
  const windows: [number, number][] = [];
  const server = await startLoopbackServer((req, res) => {
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)) * 1000);
    windows.push([start, end]);
    const values: [number, string][] = [];
    for (let t = start; t <= end; t += step) {
      const v = sample(t, params.get("query") ?? "");
      if (v !== undefined) values.push([t / 1000, v.toFixed(3)]);
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: values.length > 0 ? [{ metric: {}, values }] : [] } }));
  });
  return { url: server.url, windows, close: server.close };
}

describe("PredictiveScaler between refits", () => {
  it("forecasts from every new step with the fitted model, reading only the newest steps again, and refits on schedule", async () => {
    const prom = await fakePrometheus();
    try {
      const fittedAt = Date.UTC(2026, 10, 20, 6, 0, 0);
      let now = fittedAt;
      const log: string[] = [];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics: new ScalerMetrics(), log: (l) => log.push(l), now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "sum(rate(http_requests_total[5m]))", capacityPerPod: "100", leadTimeMinutes: "15", historyDays: "7" });

      const first = await scaler.evaluate("shop/web", metadata);
      expect(first.fallback).toBeUndefined();
      const fitStart = prom.windows[0][0];

      const peaks: number[] = [];
      for (let i = 1; i <= 3; i++) {
        now += STEP_S * 1000;
        const next = await scaler.evaluate("shop/web", metadata);
        expect(next.fallback).toBeUndefined();
        peaks.push(next.decision.replicas);
      }
      expect(log.filter((l) => l.includes("refitted"))).toHaveLength(1);
      // Between refits only the newest steps are read again (KEDA evaluates several times a minute): the fitted series is extended in place.
      expect(prom.windows[0][1] - fitStart).toBe(7 * DAY_MS);
      expect(prom.windows.slice(1).every(([start, end]) => end - start <= 2 * STEP_MS)).toBe(true);
      // Morning ramp (06:00 → 06:15 UTC, load rising): the decisions follow the newest origin upwards.
      expect(peaks[2]).toBeGreaterThanOrEqual(peaks[0]);

      // KEDA keeps asking (every 30 minutes here, so the workload is never idle long enough to be forgotten):
      // no refit before the 6-hour interval has passed, one as soon as it has, on the whole history read again.
      const refitAt = fittedAt + 6 * 3_600_000;
      while (now + 30 * 60_000 < refitAt) {
        now += 30 * 60_000;
        await scaler.evaluate("shop/web", metadata);
      }
      expect(log.filter((l) => l.includes("refitted"))).toHaveLength(1);
      now = refitAt;
      await scaler.evaluate("shop/web", metadata);
      // The refit runs in a worker thread while the call is served from the previous fit.
      await scaler.settled();
      expect(log.filter((l) => l.includes("refitted"))).toHaveLength(2);
      expect(prom.windows[prom.windows.length - 1]).toEqual([refitAt - 7 * DAY_MS, refitAt]);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler history between refits", () => {
  it("forecasts as if it had read the whole history again, newest samples completed late included", async () => {
    const fitAt = Date.UTC(2026, 10, 20, 6, 0, 0);
    let now = fitAt;
    // The newest step is read before all its samples arrived: 80% of its value until the next step.
    const prom = await fakePrometheus((t) => (t === Math.floor(now / STEP_MS) * STEP_MS ? 0.8 : 1) * load(t));
    try {
      const options = { defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now };
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", leadTimeMinutes: "15", historyDays: "7" });
      const stepped = new PredictiveScaler(options);
      const direct = new PredictiveScaler(options);
      await stepped.evaluate("shop/web", metadata);
      await direct.evaluate("shop/web", metadata);
      for (let i = 0; i < 6; i++) {
        now += STEP_MS / 2;
        await stepped.evaluate("shop/web", metadata);
      }
      const forecastOf = (e: { decision: { explanation: string } }) => /forecast peak [^,]+/.exec(e.decision.explanation)?.[0];
      const incremental = await stepped.evaluate("shop/web", metadata);
      const whole = await direct.evaluate("shop/web", metadata);
      expect(forecastOf(incremental)).toBeDefined();
      expect(forecastOf(incremental)).toBe(forecastOf(whole));
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler sizing", () => {
  it("sizes as the simulation measured: observed and expected load at the target, the upper quantile within full capacity", async () => {
    const prom = await fakePrometheus();
    try {
      const now = Date.UTC(2026, 10, 20, 6, 0, 0);
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 3_600_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "70", targetUtilisation: "0.7", historyDays: "7" });
      const evaluation = await scaler.evaluate("shop/web", metadata);
      expect(evaluation.fallback).toBeUndefined();
      // 100 per pod at 100%: the expected load (~ the observed ~600) at 70% needs ⌈600 / 70⌉, the upper quantile at 100% needs less.
      const { replicas, targetLoad } = evaluation.decision;
      expect(replicas).toBe(Math.ceil(targetLoad / 100 - 1e-9));
      expect(targetLoad).toBeGreaterThanOrEqual(evaluation.observedLoad / 0.7 - 1e-6);
      expect(evaluation.decision.explanation).toMatch(/70 per pod at the 70% target \(100 at 100%\)/);
      expect(evaluation.metricValue).toBe(replicas * 70);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler at KEDA's call rate", () => {
  // KEDA calls GetMetrics then IsActive for every poll of the ScaledObject (30 s) and for every HPA
  // metric read (15 s): the scaler is evaluated several times a minute. History is kept short here so
  // that decisions follow the observed load alone (reactive fallback), which the test sets.
  const capacityMetadata = { query: "q", capacityPerPod: "100", historyDays: "1", maxReplicas: "200" };
  let level = 7000;
  let now = Date.UTC(2026, 10, 20, 12, 0, 0);
  const recentOnly: Sampler = (t) => (t >= now - 2 * STEP_MS ? level : undefined);

  /** One KEDA poll or HPA read: GetMetrics, then IsActive. */
  async function kedaCall(scaler: PredictiveScaler, metadata: ReturnType<typeof parseScalerMetadata>): Promise<number> {
    const metrics = await scaler.evaluate("shop/web", metadata);
    await scaler.evaluate("shop/web", metadata);
    return metrics.decision.replicas;
  }

  it("removes at most the step-down fraction per HPA scale-down stabilisation window, not per call", async () => {
    const prom = await fakePrometheus(recentOnly);
    try {
      [level, now] = [7000, Date.UTC(2026, 10, 20, 12, 0, 0)];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
      const metadata = parseScalerMetadata("shop/web", capacityMetadata);
      for (let i = 0; i < 20; i++, now += 15_000) expect(await kedaCall(scaler, metadata)).toBe(70);

      level = 700; // needs 7 pods from now on
      const runs: { replicas: number; calls: number }[] = [];
      for (let i = 0; i < 240; i++, now += 15_000) {
        const replicas = await kedaCall(scaler, metadata);
        if (runs[runs.length - 1]?.replicas === replicas) runs[runs.length - 1].calls++;
        else runs.push({ replicas, calls: 1 });
      }
      // The HPA runs the largest recommendation of the last 5 minutes: each 25% step holds until the one before has left that window.
      expect(runs.map((r) => r.replicas)).toEqual([53, 40, 30, 23, 18, 14, 11, 9, 7]);
      expect(runs.slice(0, -1).every((r) => r.calls * 15 >= 285)).toBe(true);
    } finally {
      await prom.close();
    }
  });

  it("does not step down from a decision too old to be what runs now (another PSE replica served meanwhile)", async () => {
    const prom = await fakePrometheus(recentOnly);
    try {
      [level, now] = [7000, Date.UTC(2026, 10, 20, 12, 0, 0)];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
      const metadata = parseScalerMetadata("shop/web", capacityMetadata);
      expect(await kedaCall(scaler, metadata)).toBe(70);
      [level, now] = [700, now + 3_600_000];
      expect(await kedaCall(scaler, metadata)).toBe(7);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler with the newest samples missing", () => {
  it("forecasts the lead window from now, not from the last sample Prometheus returned", async () => {
    // Busy 08:00–20:00 UTC every day, quiet otherwise; at 07:50 the last 15 minutes are missing
    // (scrapes failed, or a remote store ingests late), and the lead window 07:55–08:05 holds the rise.
    const now = Date.UTC(2026, 10, 20, 7, 50, 0);
    const busy = (t: number) => {
      const hour = (t % DAY_MS) / 3_600_000;
      return hour >= 8 && hour < 20 ? 1000 : 100;
    };
    const prom = await fakePrometheus((t) => (t <= now - 3 * STEP_MS ? busy(t) : undefined));
    try {
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "70", targetUtilisation: "0.7", leadTimeMinutes: "15", historyDays: "7" });
      const evaluation = await scaler.evaluate("shop/web", metadata);
      expect(evaluation.fallback).toBeUndefined();
      expect(evaluation.observedLoad).toBe(100);
      // 1000 at 70 per pod.
      expect(evaluation.decision.replicas).toBeGreaterThanOrEqual(Math.ceil(1000 / 70));
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler with Prometheus unreachable", () => {
  it("answers with an error, not zero load, when it has never observed the load (so KEDA and the HPA keep the replicas)", async () => {
    const metrics = new ScalerMetrics();
    const log: string[] = [];
    const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: await closedPortUrl(), refitIntervalMs: 900_000, metrics, log: (l) => log.push(l) });
    const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", minReplicas: "0" });
    await expect(scaler.evaluate("shop/web", metadata)).rejects.toBeInstanceOf(LoadUnknownError);
    const exported = await metrics.registry.metrics();
    expect(exported).toMatch(/icna_pse_fallback\{scaled_object="shop\/web"\} 1/);
    expect(exported).toMatch(/icna_pse_fallbacks_total\{scaled_object="shop\/web",reason="prometheus-unavailable"\} 1/);
    expect(exported).not.toMatch(/icna_pse_desired_replicas\{scaled_object="shop\/web"\}/);
    expect(log.join("\n")).toMatch(/FALLBACK.*prometheus-unavailable.*unreachable/);
  });

  it("serves the last observed load once it has seen one", async () => {
    const prom = await fakePrometheus((t) => (t >= Date.UTC(2026, 10, 20, 11, 50) ? 700 : undefined));
    let now = Date.UTC(2026, 10, 20, 12, 0, 0);
    const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
    const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", minReplicas: "0" });
    expect((await scaler.evaluate("shop/web", metadata)).decision.replicas).toBe(7);
    await prom.close();
    now += 60_000;
    const blind = await scaler.evaluate("shop/web", metadata);
    expect(blind).toMatchObject({ fallback: "prometheus-unavailable", observedLoad: 700, decision: { replicas: 7 } });
  });
});

describe("PredictiveScaler when a ScaledObject changes", () => {
  it("refits at once when the trigger's query, step, history or lead time change, instead of forecasting with the old fit", async () => {
    // The query moves from requests per second to requests per minute: 60 × the values.
    const prom = await fakePrometheus((t, query) => (query === "per_minute" ? 60 * load(t) : load(t)));
    try {
      let now = Date.UTC(2026, 10, 20, 6, 0, 0);
      const log: string[] = [];
      const refits = () => log.filter((l) => l.includes("refitted")).length;
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics: new ScalerMetrics(), log: (l) => log.push(l), now: () => now });
      const base = { query: "per_second", capacityPerPod: "100", historyDays: "7", maxReplicas: "1000" };
      await scaler.evaluate("shop/web", parseScalerMetadata("shop/web", base));

      now += STEP_MS;
      const longerLead = await scaler.evaluate("shop/web", parseScalerMetadata("shop/web", { ...base, leadTimeMinutes: "30" }));
      expect(refits()).toBe(2);
      expect(longerLead.decision.explanation).toMatch(/over the next 6 step\(s\)/);

      now += STEP_MS;
      const perMinute = { ...base, leadTimeMinutes: "30", query: "per_minute", capacityPerPod: "6000" };
      const changed = await scaler.evaluate("shop/web", parseScalerMetadata("shop/web", perMinute));
      expect(refits()).toBe(3);
      const fresh = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now });
      expect(changed.decision.explanation.replace(/^\d+ → \d+/, "")).toBe((await fresh.evaluate("shop/web", parseScalerMetadata("shop/web", perMinute))).decision.explanation.replace(/^\d+ → \d+/, ""));

      // Sizing settings do not touch the forecast.
      now += STEP_MS;
      await scaler.evaluate("shop/web", parseScalerMetadata("shop/web", { ...perMinute, capacityPerPod: "7000", quantile: "0.95", maxReplicas: "50" }));
      expect(refits()).toBe(3);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler with ScaledObjects that go away", () => {
  it("forgets a ScaledObject KEDA stopped asking about (deleted, or served by another PSE replica), its metric series included", async () => {
    const prom = await fakePrometheus();
    try {
      let now = Date.UTC(2026, 10, 20, 6, 0, 0);
      const metrics = new ScalerMetrics();
      const log: string[] = [];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics, log: (l) => log.push(l), now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", historyDays: "7" });
      const blind = parseScalerMetadata("shop/gone", { query: "q", capacityPerPod: "100", prometheusUrl: await closedPortUrl() });
      await scaler.evaluate("shop/web", metadata);
      await scaler.evaluate("shop/old", metadata);
      await expect(scaler.evaluate("shop/gone", blind)).rejects.toBeInstanceOf(LoadUnknownError);
      expect(await metrics.registry.metrics()).toMatch(/icna_pse_fallback\{scaled_object="shop\/gone"\} 1/);

      // KEDA keeps asking about shop/web only.
      for (let i = 0; i < 4 * 20; i++) {
        now += 15_000;
        await scaler.evaluate("shop/web", metadata);
      }
      const exported = await metrics.registry.metrics();
      expect(exported).toMatch(/scaled_object="shop\/web"/);
      expect(exported).not.toMatch(/scaled_object="shop\/(old|gone)"/);
      await scaler.evaluate("shop/old", metadata);
      expect(log.filter((l) => l.startsWith("shop/old: refitted"))).toHaveLength(2);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler under concurrent calls", () => {
  it("refits once when KEDA's poll and an HPA read of the same ScaledObject arrive together", async () => {
    const prom = await fakePrometheus();
    try {
      let now = Date.UTC(2026, 10, 20, 6, 0, 0);
      const log: string[] = [];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: (l) => log.push(l), now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", historyDays: "7" });
      const first = await Promise.all([scaler.evaluate("shop/web", metadata), scaler.evaluate("shop/web", metadata)]);
      now += 900_000;
      await Promise.all([scaler.evaluate("shop/web", metadata), scaler.evaluate("shop/web", metadata), scaler.evaluate("shop/web", metadata)]);
      expect(log.filter((l) => l.includes("refitted"))).toHaveLength(2);
      expect(first[0].decision.replicas).toBe(first[1].decision.replicas);
    } finally {
      await prom.close();
    }
  });
});

describe("PredictiveScaler behind a hung Prometheus", () => {
  it("lets the calls that arrive meanwhile share the one query in progress instead of queueing a timeout each", async () => {
    const hung = await startLoopbackServer(() => undefined);
    try {
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: hung.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, prometheus: { deadlineMs: 300, retries: 0 } });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100" });
      const calls: Promise<unknown>[] = [];
      for (let i = 0; i < 5; i++) {
        calls.push(scaler.evaluate("shop/web", metadata));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const call of calls) await expect(call).rejects.toBeInstanceOf(LoadUnknownError);
      expect(hung.requests()).toBe(1);
    } finally {
      await hung.close();
    }
  });
});

describe("PredictiveScaler while Prometheus is down", () => {
  it("removes no pod on a load it can no longer see (the last one observed is stale), as the HPA holds while blind", async () => {
    // 07:50, the daily rise at 08:00 is forecast: 15 pods where the observed 100 would need 2.
    let now = Date.UTC(2026, 10, 20, 7, 50, 0);
    const busy = (t: number) => {
      const hour = (t % DAY_MS) / 3_600_000;
      return hour >= 8 && hour < 20 ? 1000 : 100;
    };
    const prom = await fakePrometheus((t) => busy(t));
    const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now, prometheus: { retries: 0 } });
    const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "70", targetUtilisation: "0.7", leadTimeMinutes: "15", historyDays: "7" });
    const before = await scaler.evaluate("shop/web", metadata);
    expect(before.decision.replicas).toBeGreaterThanOrEqual(15);
    await prom.close();
    const blind: number[] = [];
    for (let i = 0; i < 120; i++) {
      now += 15_000;
      const evaluation = await scaler.evaluate("shop/web", metadata);
      expect(evaluation.fallback).toBe("prometheus-unavailable");
      blind.push(evaluation.decision.replicas);
    }
    expect(Math.min(...blind)).toBe(before.decision.replicas);
  });
});

describe("PredictiveScaler with a query Prometheus refuses", () => {
  it("names the query as the reason, apart from Prometheus being down", async () => {
    const server = await startLoopbackServer((_req, res) => res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "1:14: parse error: unexpected right parenthesis ')'" })));
    try {
      const metrics = new ScalerMetrics();
      const log: string[] = [];
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: server.url, refitIntervalMs: 900_000, metrics, log: (l) => log.push(l) });
      await expect(scaler.evaluate("shop/web", parseScalerMetadata("shop/web", { query: "rate(x[5m]))", capacityPerPod: "100" }))).rejects.toBeInstanceOf(LoadUnknownError);
      expect(await metrics.registry.metrics()).toMatch(/icna_pse_fallbacks_total\{scaled_object="shop\/web",reason="query-rejected"\} 1/);
      expect(log.join("\n")).toMatch(/FALLBACK \(query-rejected\).*parse error.*fix the query/);
    } finally {
      await server.close();
    }
  });
});

describe("PredictiveScaler's forecast band and peak leads", () => {
  const gaugeValue = async (metrics: ScalerMetrics, name: "forecastLower" | "forecastPoint" | "forecastUpper" | "forecastPeak" | "peakLeadMinutes") => (await metrics[name].get()).values.find((v) => v.labels.scaled_object === "shop/web")?.value;

  it("exports, at each step, the band it forecast for that step a lead window earlier, and no band before it had one", async () => {
    // The daily curve with deterministic noise of ±30, so the forecast has a band to draw.
    const prom = await fakePrometheus((t) => load(t) + 60 * ((((t / STEP_MS) * 2_654_435_761) % 1000) / 1000 - 0.5));
    try {
      // Midnight UTC: the load ramps up, so the largest upper quantile of a lead window is that of its last step.
      let now = Date.UTC(2026, 10, 20, 0, 0, 0);
      const metrics = new ScalerMetrics();
      const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics, log: () => undefined, now: () => now });
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", leadTimeMinutes: "15", historyDays: "7" });
      expect((await scaler.evaluate("shop/web", metadata)).fallback).toBeUndefined();
      const peakForecastAtStart = await gaugeValue(metrics, "forecastPeak");
      for (let step = 1; step < 3; step++) {
        now += STEP_MS;
        await scaler.evaluate("shop/web", metadata);
        expect(await gaugeValue(metrics, "forecastUpper")).toBeUndefined();
      }
      now += STEP_MS;
      await scaler.evaluate("shop/web", metadata);
      const [lower, point, upper] = await Promise.all([gaugeValue(metrics, "forecastLower"), gaugeValue(metrics, "forecastPoint"), gaugeValue(metrics, "forecastUpper")]);
      expect(upper).toBe(peakForecastAtStart);
      expect(lower).toBeLessThanOrEqual(point!);
      expect(point).toBeLessThanOrEqual(upper!);
      expect(lower).toBeLessThan(upper!);
      await scaler.close();
    } finally {
      await prom.close();
    }
  });

  /** A scaler measuring peak leads at 06:00 on 2026-11-20, after its first evaluation of shop/web has settled. */
  const measuredLeads = async (url: string, metrics: ScalerMetrics, log: string[]): Promise<PredictiveScaler> => {
    const scaler = new PredictiveScaler({ firstFitWaitMs: FIRST_FIT_WAIT_MS, defaultPrometheusUrl: url, refitIntervalMs: 6 * 3_600_000, metrics, log: (l) => log.push(l), now: () => Date.UTC(2026, 10, 20, 6, 0, 0), measurePeakLeads: true });
    await scaler.evaluate("shop/web", parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", historyDays: "7" }));
    await scaler.settled();
    return scaler;
  };

  it("measures the lead on the last whole days' peaks from demand and the Deployment's ready pods, when asked to", async () => {
    // Twenty ready pods of 100/0.7 each cover every minute of demand (at most 1000): each peak (its busiest 15 minutes start at 05:53) is covered for the whole search.
    const prom = await fakePrometheus((t, query) => (query.includes("kube_deployment_status_replicas_available") ? 20 : load(t)));
    try {
      const metrics = new ScalerMetrics();
      const log: string[] = [];
      const scaler = await measuredLeads(prom.url, metrics, log);
      expect(await gaugeValue(metrics, "peakLeadMinutes")).toBe(MAX_LEAD_SEARCH_MINUTES);
      expect(log.find((l) => l.includes("lead on the last peaks"))).toMatch(/2026-11-17T05:53Z 240 min, 2026-11-18T05:53Z 240 min, 2026-11-19T05:53Z 240 min/);
      await scaler.close();
    } finally {
      await prom.close();
    }
  });

  it("leaves the lead unmeasured, and says why, when kube-state-metrics knows no ready pods for the ScaledObject", async () => {
    const prom = await fakePrometheus((t, query) => (query.includes("kube_deployment_status_replicas_available") ? undefined : load(t)));
    try {
      const metrics = new ScalerMetrics();
      const log: string[] = [];
      const scaler = await measuredLeads(prom.url, metrics, log);
      expect(await gaugeValue(metrics, "peakLeadMinutes")).toBeUndefined();
      expect(log).toContainEqual(expect.stringMatching(/lead on the last peaks not measured: no whole day with demand and ready replicas known/));
      await scaler.close();
    } finally {
      await prom.close();
    }
  });
});
