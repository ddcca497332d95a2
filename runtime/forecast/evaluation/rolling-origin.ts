import type { RegularSeries } from "../regular-series";
import { AccuracyAccumulator } from "./accuracy";

/** A forecasting method under evaluation, timed in two phases as a scaler runs it: fit on the history, then predict. */
export interface Forecaster {
  readonly name: string;
  fit(history: RegularSeries, horizonSteps: number): Promise<FittedForecaster> | FittedForecaster;
}

export interface FittedForecaster {
  /** Point forecasts for the `horizonSteps` steps after the history it was fitted on. */
  predict(): Float64Array;
}

export interface RollingOriginOptions {
  /** Horizons to score, in steps ahead. */
  readonly horizons: readonly number[];
  /** Number of forecast origins, spread evenly over the test span. */
  readonly origins: number;
  /** Fraction of the series (its end) where origins are placed. */
  readonly testFraction: number;
  /** Most recent steps of history each forecaster is given at an origin. */
  readonly historySteps: number;
}

export interface RollingOriginResult {
  readonly forecaster: string;
  /** Accuracy per scored horizon (same order as the options' horizons). */
  readonly accuracy: AccuracyAccumulator[];
  /** Time spent fitting (model selection included) over all origins. */
  readonly fitMilliseconds: number;
  /** Time spent predicting from the fitted model over all origins. */
  readonly predictMilliseconds: number;
  readonly fits: number;
}

/**
 * Rolling-origin evaluation: at each origin every forecaster sees only the history up to that
 * origin (at most `historySteps` of it), is refitted and forecasts; errors are scored against the
 * observed values at each horizon.
 */
export async function evaluateRollingOrigin(
  series: RegularSeries,
  forecasters: readonly Forecaster[],
  options: RollingOriginOptions,
): Promise<RollingOriginResult[]> {
  const maxHorizon = Math.max(...options.horizons);
  const origins = rollingOrigins(series, options);
  const results = forecasters.map((f) => ({
    forecaster: f.name,
    accuracy: options.horizons.map(() => new AccuracyAccumulator()),
    fitMilliseconds: 0,
    predictMilliseconds: 0,
    fits: 0,
  }));
  for (const origin of origins) {
    const start = Math.max(0, origin + 1 - options.historySteps);
    const history: RegularSeries = {
      startMs: series.startMs + start * series.stepSeconds * 1000,
      stepSeconds: series.stepSeconds,
      values: series.values.slice(start, origin + 1),
    };
    for (let f = 0; f < forecasters.length; f++) {
      const started = performance.now();
      const fitted = await forecasters[f].fit(history, maxHorizon);
      const fittedAt = performance.now();
      const forecast = fitted.predict();
      results[f].fitMilliseconds += fittedAt - started;
      results[f].predictMilliseconds += performance.now() - fittedAt;
      results[f].fits++;
      options.horizons.forEach((h, k) => results[f].accuracy[k].add(series.values[origin + h], forecast[h - 1]));
    }
  }
  return results;
}

/** The forecast origins: observed steps spread evenly over the test span, each with room for the longest horizon after it. */
export function rollingOrigins(series: RegularSeries, options: Pick<RollingOriginOptions, "horizons" | "origins" | "testFraction">): number[] {
  const n = series.values.length;
  const first = Math.floor(n * (1 - options.testFraction));
  const last = n - 1 - Math.max(...options.horizons);
  const candidates: number[] = [];
  for (let o = first; o <= last; o++) if (Number.isFinite(series.values[o])) candidates.push(o);
  const stride = Math.max(1, candidates.length / options.origins);
  return Array.from({ length: Math.min(options.origins, candidates.length) }, (_, i) => candidates[Math.floor(i * stride)]);
}
