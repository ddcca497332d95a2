import * as http from "node:http";
import { startLoopbackServer } from "../../testing/loopback-server";
import { ForecastPool } from "./forecast-pool";
import { LoadUnknownError, PredictiveScaler } from "./predictive-scaler";
import { parseScalerMetadata } from "./scaler-metadata";
import { ScalerMetrics } from "./scaler-metrics";

const STEP_MS = 300_000;
const DAY_MS = 86_400_000;
const load = (t: number) => 600 + 400 * Math.sin((2 * Math.PI * (t % DAY_MS)) / DAY_MS);

/** A Prometheus whose range answers `answer` writes from the requested window; counts requests. */
async function prometheusAnswering(answer: (start: number, end: number, step: number, res: http.ServerResponse) => void) {
  return startLoopbackServer((req, res) => {
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
    answer(start, end, step, res);
  });
}

const matrix = (res: http.ServerResponse, values: [number, string][] | undefined) =>
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: values ? [{ metric: {}, values }] : [] } }));
const valuesOf = (start: number, end: number, step: number, value: (t: number) => string) => {
  const values: [number, string][] = [];
  for (let t = start; t <= end; t += step) values.push([t, value(t * 1000)]);
  return values;
};

describe("PredictiveScaler with results that are not a load", () => {
  let mode: "load" | "none" | "nan" | "malformed" | "zero" = "load";
  let prom: Awaited<ReturnType<typeof prometheusAnswering>>;
  beforeAll(async () => {
    prom = await prometheusAnswering((start, end, step, res) => {
      if (mode === "none") return matrix(res, undefined);
      if (mode === "malformed") return res.writeHead(200).end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: [{ metric: {}, values: "oops" }] } }));
      matrix(res, valuesOf(Math.max(start, end - 6 * step), end, step, () => (mode === "nan" ? "NaN" : mode === "zero" ? "0" : "700")));
    });
  });
  afterAll(() => prom.close());

  let now = Date.UTC(2026, 10, 20, 12, 0, 0);
  function scaler(metrics = new ScalerMetrics(), log: string[] = []) {
    return new PredictiveScaler({ defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics, log: (l) => log.push(l), now: () => now, firstFitWaitMs: 30_000 });
  }
  const metadata = parseScalerMetadata("shop/web", { query: 'sum(rate(http_requests_total{app="typo"}[5m]))', capacityPerPod: "100", minReplicas: "0" });

  it.each(["none", "nan", "malformed"] as const)("answers an error, never zero, when the first result is %s", async (kind) => {
    mode = kind;
    const metrics = new ScalerMetrics();
    const log: string[] = [];
    const error = await scaler(metrics, log).evaluate("shop/web", metadata).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadUnknownError);
    const reason = kind === "malformed" ? "malformed-response" : "no-samples";
    expect((error as LoadUnknownError).reason).toBe(reason);
    expect(await metrics.registry.metrics()).toMatch(new RegExp(`icna_pse_fallbacks_total\\{scaled_object="shop/web",reason="${reason}"\\} 1`));
    expect(log.join("\n")).toMatch(new RegExp(`FALLBACK \\(${reason}\\)`));
  });

  it("holds the replicas when the samples stop after a load was seen, and scales to zero only on a real zero", async () => {
    mode = "load";
    const s = scaler();
    expect((await s.evaluate("shop/web", metadata)).decision.replicas).toBe(7);
    for (const kind of ["none", "nan", "malformed"] as const) {
      mode = kind;
      const held = await s.evaluate("shop/other-" + kind, metadata).catch(() => undefined);
      expect(held).toBeUndefined();
    }
    // Same ScaledObject, its samples NaN for longer than the lead time: it holds 7.
    mode = "nan";
    let last;
    for (let minutes = 5; minutes <= 30; minutes += 5) {
      now += 5 * 60_000;
      last = await s.evaluate("shop/web", metadata);
      expect(last.decision.replicas).toBe(7);
    }
    expect(last).toMatchObject({ fallback: "no-samples", observedLoad: 700 });
    mode = "zero";
    const zero = await s.evaluate("shop/zero", metadata);
    expect(zero.observedLoad).toBe(0);
    expect(zero.decision.replicas).toBe(0);
    expect(zero.decision.targetLoad === 0).toBe(true);
  });
});

describe("PredictiveScaler behind a read that never finishes", () => {
  it("lets later calls start their own read once the stuck one is past its deadline, instead of joining it", async () => {
    // The first request gets headers and half a body, then nothing; later ones are answered.
    const prom = await prometheusAnswering((start, end, step, res) => {
      if (prom.requests() === 1) {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"status":"success","data":{"resultType":"matrix","result":[');
        return;
      }
      matrix(res, valuesOf(Math.max(start, end - 6 * step), end, step, () => "700"));
    });
    const s = new PredictiveScaler({ defaultPrometheusUrl: prom.url, refitIntervalMs: 900_000, metrics: new ScalerMetrics(), log: () => undefined, prometheus: { deadlineMs: 300, retries: 0 }, firstFitWaitMs: 100, forecastBudgetMs: 50 });
    try {
      const metadata = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100" });
      const stuck = s.evaluate("shop/web", metadata);
      const joined = s.evaluate("shop/web", metadata);
      await expect(stuck).rejects.toBeInstanceOf(LoadUnknownError);
      await expect(joined).rejects.toBeInstanceOf(LoadUnknownError);
      expect(s.evaluationDeadlineMs).toBe(300 + 100 + 50 + 1000);
      const fresh = await s.evaluate("shop/web", metadata);
      expect(fresh.observedLoad).toBe(700);
      expect(prom.requests()).toBe(2);
    } finally {
      await s.close();
      await prom.close();
    }
  });
});

describe("PredictiveScaler while other ScaledObjects refit", () => {
  it("answers a call that needs no refit in milliseconds while the only forecast worker refits another ScaledObject", async () => {
    let now = Date.UTC(2026, 10, 20, 6, 0, 0);
    const prom = await prometheusAnswering((start, end, step, res) => matrix(res, valuesOf(start, end, step, (t) => load(t).toFixed(3))));
    const pool = new ForecastPool({ size: 1 });
    const s = new PredictiveScaler({ defaultPrometheusUrl: prom.url, refitIntervalMs: 6 * 3_600_000, metrics: new ScalerMetrics(), log: () => undefined, now: () => now, pool, firstFitWaitMs: 60_000 });
    try {
      const small = parseScalerMetadata("shop/web", { query: "q", capacityPerPod: "100", historyDays: "7" });
      await s.evaluate("shop/web", small);
      now += STEP_MS;
      await s.evaluate("shop/web", small);
      // A 60-day history at 5-minute steps keeps the worker busy for a while.
      const big = s.evaluate("shop/big", parseScalerMetadata("shop/big", { query: "q", capacityPerPod: "100", historyDays: "60" }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const timings: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const evaluation = await s.evaluate("shop/web", small);
        timings.push(performance.now() - started);
        expect(evaluation.fallback).toBeUndefined();
      }
      expect(Math.max(...timings)).toBeLessThan(250);
      await big;
    } finally {
      await pool.close();
      await prom.close();
    }
  });
});
