import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";
import type { RegularSeries } from "../forecast/regular-series";
import { ForecastPool, RefitError } from "./forecast-pool";

const STEP_S = 300;
const DAY_STEPS = 86_400 / STEP_S;

/** `days` of a daily-seasonal load at 5-minute steps. */
function dailySeries(days: number, startMs = Date.UTC(2026, 10, 1)): RegularSeries {
  const values = new Float64Array(days * DAY_STEPS).map((_, i) => 600 + 400 * Math.sin((2 * Math.PI * i) / DAY_STEPS));
  return { startMs, stepSeconds: STEP_S, values };
}

function extended(series: RegularSeries, steps: number): RegularSeries {
  const values = new Float64Array(series.values.length + steps);
  values.set(series.values);
  for (let i = series.values.length; i < values.length; i++) values[i] = 600 + 400 * Math.sin((2 * Math.PI * i) / DAY_STEPS);
  return { ...series, values };
}

describe("ForecastPool", () => {
  it("fits in a worker thread from the TypeScript source and forecasts from the newest step with that fit", async () => {
    const pool = new ForecastPool({ size: 1 });
    try {
      const series = dailySeries(3);
      const summary = await pool.refit("shop/web", series, 3);
      expect(summary).toMatchObject({ steps: series.values.length, lastTimestampMs: series.startMs + (series.values.length - 1) * STEP_S * 1000 });
      expect(summary.model).toMatch(/\w/);
      const forecast = await pool.forecast("shop/web", extended(series, 2), 0.9, 3, 30_000);
      if (typeof forecast === "string") throw new Error(`expected a forecast, got ${forecast}`);
      expect(forecast.pathOriginMs).toBe(summary.lastTimestampMs + 2 * STEP_S * 1000);
      expect(forecast.point).toHaveLength(3);
      forecast.upper.forEach((u, i) => expect(u).toBeGreaterThanOrEqual(forecast.point[i]));
      // The band: 10th and 90th percentiles around the point forecast, wider than nothing.
      expect(forecast.lower).toHaveLength(3);
      forecast.lower.forEach((l, i) => expect(l).toBeLessThanOrEqual(forecast.point[i]));
      expect(forecast.upper.some((u, i) => u > forecast.lower[i])).toBe(true);
      expect(await pool.forecast("shop/other", series, 0.9, 3, 30_000)).toBe("no-fit");
    } finally {
      await pool.close();
    }
  });

  it("answers a forecast at once with busy while the worker holding its fit refits, instead of waiting behind the refit", async () => {
    const pool = new ForecastPool({ size: 1 });
    try {
      await pool.refit("shop/web", dailySeries(2), 3);
      const refitting = pool.refit("shop/big", dailySeries(21), 3);
      const started = Date.now();
      expect(await pool.forecast("shop/web", dailySeries(2), 0.9, 3, 5_000)).toBe("busy");
      expect(Date.now() - started).toBeLessThan(100);
      await refitting;
      expect(typeof (await pool.forecast("shop/web", dailySeries(2), 0.9, 3, 30_000))).toBe("object");
    } finally {
      await pool.close();
    }
  });

  it("runs at most one refit per worker and queues the rest in arrival order", async () => {
    const pool = new ForecastPool({ size: 2 });
    try {
      const done: string[] = [];
      const refits = ["a", "b", "c", "d"].map((key) => pool.refit(key, dailySeries(2), 3).then(() => done.push(key)));
      expect(pool.queued).toBe(2);
      await Promise.all(refits);
      await pool.settled();
      expect(done.sort()).toEqual(["a", "b", "c", "d"]);
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it("reports the engine's error for a history too short to fit, by name", async () => {
    const pool = new ForecastPool({ size: 1 });
    try {
      const short = { startMs: 0, stepSeconds: STEP_S, values: new Float64Array([1, 2, 3]) };
      await expect(pool.refit("shop/new", short, 3)).rejects.toMatchObject({ causeName: "InsufficientHistoryError", message: expect.stringMatching(/observed step/) });
    } finally {
      await pool.close();
    }
  });

  it("abandons a refit that runs over its timeout, replaces the worker and forgets the fits it held", async () => {
    const log: string[] = [];
    const pool = new ForecastPool({ size: 1, refitTimeoutMs: 50, log: (l) => log.push(l) });
    try {
      await expect(pool.refit("shop/big", dailySeries(21), 3)).rejects.toBeInstanceOf(RefitError);
      expect(log.join("\n")).toMatch(/forecast worker 0 replaced: a refit of shop\/big ran over 50 ms/);
      expect(await pool.forecast("shop/big", dailySeries(21), 0.9, 3, 1_000)).toBe("no-fit");
    } finally {
      await pool.close();
    }
  });

  it("runs from compiled JavaScript laid out as dist/ (the worker beside the pool, no tsx)", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "icna-pool-dist-"));
    try {
      // Compile the pool and the worker to .js side by side, as `tsc` lays out dist/.
      buildSync({ entryPoints: [path.join(__dirname, "forecast-pool.ts"), path.join(__dirname, "forecast-worker.ts")], outdir: out, bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent" });
      const compiled = (await import(path.join(out, "forecast-pool.js"))) as typeof import("./forecast-pool");
      expect(compiled.forecastWorkerLaunch(path.join(out, "forecast-pool.js"))).toEqual({ script: path.join(out, "forecast-worker.js"), eval: false });
      const pool = new compiled.ForecastPool({ size: 1 });
      try {
        expect((await pool.refit("shop/web", dailySeries(2), 3)).steps).toBe(2 * DAY_STEPS);
      } finally {
        await pool.close();
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
  it("does not keep its process alive once idle, even when nobody closed it", () => {
    const script = `
      const { ForecastPool } = require(${JSON.stringify(path.join(__dirname, "forecast-pool.ts"))});
      const values = new Float64Array(576).map((_, i) => 600 + 400 * Math.sin((2 * Math.PI * i) / 288));
      new ForecastPool({ size: 1 }).refit("a", { startMs: 0, stepSeconds: 300, values }, 3).then(() => console.log("fitted"));`;
    const run = spawnSync(process.execPath, ["-r", "tsx/cjs", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stdout).toContain("fitted");
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  });
});
