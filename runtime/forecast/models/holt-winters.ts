import type { SeasonalPeriods } from "../seasonality";
import type { FittedModel, ForecastModel, ModelInput } from "./model";

/** Smoothing parameters of additive, damped-trend Holt-Winters. */
interface Smoothing {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

const DAMPING = 0.98;
const ALPHAS = [0.05, 0.2, 0.5, 0.8];
const BETAS = [0, 0.02];
const GAMMAS = [0.05, 0.2, 0.5];

/** Level, trend and seasonal states after each step of a Holt-Winters pass. */
class HoltWintersFilter {
  readonly level: Float64Array;
  readonly trend: Float64Array;
  readonly seasons: Float64Array[];
  private computed = -1;

  constructor(
    private readonly values: Float64Array,
    private readonly periods: readonly number[],
    private readonly smoothing: Smoothing,
  ) {
    const n = values.length;
    this.level = new Float64Array(n);
    this.trend = new Float64Array(n);
    this.seasons = periods.map(() => new Float64Array(n));
  }

  /** Runs the recursions through index `until`; returns the sum of squared one-step errors from `scoreFrom`. */
  run(until: number, scoreFrom = Infinity): number {
    const { values, periods, level, trend, seasons } = this;
    const { alpha, beta, gamma } = this.smoothing;
    const longest = periods[periods.length - 1];
    let sse = 0;
    if (this.computed < 0) this.initialise(longest);
    for (let t = Math.max(this.computed + 1, longest); t <= until; t++) {
      const previousLevel = level[t - 1];
      const damped = DAMPING * trend[t - 1];
      let seasonal = 0;
      for (let k = 0; k < periods.length; k++) seasonal += seasons[k][t - periods[k]];
      const error = values[t] - (previousLevel + damped + seasonal);
      if (t >= scoreFrom) sse += error * error;
      level[t] = alpha * (values[t] - seasonal) + (1 - alpha) * (previousLevel + damped);
      trend[t] = beta * (level[t] - previousLevel) + (1 - beta) * damped;
      for (let k = 0; k < periods.length; k++) {
        const own = seasons[k][t - periods[k]];
        seasons[k][t] = gamma * (values[t] - level[t] - (seasonal - own)) + (1 - gamma) * own;
      }
    }
    this.computed = Math.max(this.computed, until);
    return sse;
  }

  forecast(origin: number, horizon: number): Float64Array {
    if (origin > this.computed) this.run(origin);
    const out = new Float64Array(horizon);
    let trendSum = 0;
    let damping = 1;
    for (let h = 1; h <= horizon; h++) {
      damping *= DAMPING;
      trendSum += damping * this.trend[origin];
      let seasonal = 0;
      this.periods.forEach((p, k) => {
        seasonal += this.seasons[k][origin + h - p * Math.ceil(h / p)];
      });
      out[h - 1] = this.level[origin] + trendSum + seasonal;
    }
    return out;
  }

  /** Level is the mean of the first longest season; the shortest season starts from its slot means; trend 0. */
  private initialise(longest: number): void {
    const { values, periods, level, seasons } = this;
    let mean = 0;
    for (let t = 0; t < longest; t++) mean += values[t];
    mean /= longest;
    const shortest = periods[0];
    const cycles = Math.floor(longest / shortest);
    for (let slot = 0; slot < shortest; slot++) {
      let sum = 0;
      for (let c = 0; c < cycles; c++) sum += values[slot + c * shortest];
      const deviation = sum / cycles - mean;
      for (let t = slot; t < longest; t += shortest) seasons[0][t] = deviation;
    }
    for (let t = 0; t < longest; t++) level[t] = mean;
    this.computed = longest - 1;
  }
}

/**
 * Additive Holt-Winters with a damped trend over one season (daily) or two (daily and weekly,
 * Taylor's double-seasonal form). Smoothing parameters are chosen on a grid by one-step squared error.
 */
export function holtWinters(seasons: ReadonlyArray<keyof SeasonalPeriods>): ForecastModel {
  const name = `holt-winters-${seasons.join("-")}`;
  const periodsOf = (periods: SeasonalPeriods) => seasons.map((s) => periods[s]);
  return {
    name,
    minHistory: (periods) => {
      const list = periodsOf(periods);
      return list.some((p) => p === undefined) ? Infinity : 2 * Math.max(...(list as number[]));
    },
    fit: (input: ModelInput, fitEnd: number): FittedModel => {
      const periods = periodsOf(input.periods) as number[];
      const training = input.values.subarray(0, fitEnd);
      const scoreFrom = Math.min(fitEnd - 1, Math.max(...periods) + Math.min(...periods));
      let best: Smoothing = { alpha: 0.2, beta: 0, gamma: 0.2 };
      let bestSse = Infinity;
      for (const alpha of ALPHAS) {
        for (const beta of BETAS) {
          for (const gamma of GAMMAS) {
            const sse = new HoltWintersFilter(training, periods, { alpha, beta, gamma }).run(fitEnd - 1, scoreFrom);
            if (sse < bestSse) [best, bestSse] = [{ alpha, beta, gamma }, sse];
          }
        }
      }
      const filters = new WeakMap<Float64Array, HoltWintersFilter>();
      return {
        forecastAt: (values, origin, horizon) => {
          let filter = filters.get(values);
          if (!filter) filters.set(values, (filter = new HoltWintersFilter(values, periods, best)));
          return filter.forecast(origin, horizon);
        },
      };
    },
  };
}
