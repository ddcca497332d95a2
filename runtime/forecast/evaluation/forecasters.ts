import * as fs from "node:fs";
import * as path from "node:path";
import { fitForecast } from "../engine";
import { fillGaps } from "../gap-fill";
import type { ForecastModel } from "../models/model";
import { persistence } from "../models/persistence";
import type { RegularSeries } from "../regular-series";
import { seasonalPeriods } from "../seasonality";
import type { Forecaster } from "./rolling-origin";

/**
 * The Predictive Scaling Engine, refitted (model selection included) at every origin; predicting is
 * `forecastFrom` on the same history, what the scaler runs at every step between refits.
 */
export const pseForecaster: Forecaster = {
  name: "PSE",
  fit: (history, steps) => {
    const fit = fitForecast(history, { horizonSteps: steps });
    return { predict: () => fit.forecastFrom(history).values };
  },
};

/**
 * A single model as a baseline, fitted on the gap-filled history. Where the history cannot support
 * the model (e.g. a weekly season with less than two weeks) it falls back to persistence.
 */
export function modelForecaster(label: string, model: ForecastModel): Forecaster {
  return {
    name: label,
    fit: (history, steps) => {
      const periods = seasonalPeriods(history.stepSeconds, history.values.length);
      const filled = fillGaps(history.values, periods.daily);
      const input = { values: filled.values, observed: filled.observed, periods };
      const n = history.values.length;
      const chosen = model.minHistory(periods, steps) <= n ? model : persistence;
      const fitted = chosen.fit(input, n, steps);
      return { predict: () => fitted.forecastAt(filled.values, n - 1, steps) };
    },
  };
}

interface AugursMstlModule {
  initSync(options: { module: Buffer }): unknown;
  MSTL: {
    ets(periods: number[]): {
      fit(y: Float64Array): void;
      predict(horizon: number): { point: number[] };
      free(): void;
    };
  };
}

/**
 * Grafana's augurs MSTL (AutoETS trend) as a peer. The package is ESM with a wasm payload: it is
 * loaded with a real dynamic import (which CommonJS transpilation must not rewrite into require)
 * and initialised synchronously from the wasm bytes, since Node has no fetch for file URLs.
 */
export async function augursMstlForecaster(): Promise<Forecaster> {
  const importEsm = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<AugursMstlModule>;
  const mstl = await importEsm("@bsull/augurs/mstl");
  const packageDir = path.dirname(require.resolve("@bsull/augurs"));
  mstl.initSync({ module: fs.readFileSync(path.join(packageDir, "mstl_bg.wasm")) });
  return {
    name: "augurs MSTL",
    fit: (history: RegularSeries, steps: number) => {
      const periods = seasonalPeriods(history.stepSeconds, history.values.length);
      const filled = fillGaps(history.values, periods.daily);
      const seasons = [periods.daily, periods.weekly].filter((p): p is number => p !== undefined);
      const model = mstl.MSTL.ets(seasons);
      try {
        model.fit(filled.values);
      } catch (error) {
        model.free();
        throw error;
      }
      return {
        predict: () => {
          try {
            return Float64Array.from(model.predict(steps).point);
          } finally {
            model.free();
          }
        },
      };
    },
  };
}
