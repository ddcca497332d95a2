import { ridgeRegression } from "../least-squares";
import type { SeasonalPeriods } from "../seasonality";
import { medianAbsoluteDeviation } from "../statistics";
import type { FittedModel, ForecastModel, ModelInput } from "./model";

/** Which lag families the regression uses. */
export interface LagRegressionOptions {
  readonly daily: boolean;
  readonly weekly: boolean;
}

/** Most recent training rows used per horizon: enough for weeks of 5-minute data, recent enough to follow trend changes. */
const MAX_TRAINING_ROWS = 3000;
const DAILY_CYCLES = 3;
const WEEKLY_CYCLES = 3;
const RIDGE_LAMBDA = 1;
const HUBER_K = 1.345;
/** Training rows lose half their weight per this many days of age, so the fit follows recent behaviour. */
const RECENCY_HALF_LIFE_DAYS = 7;
const ROBUST_PASSES = 2;

/**
 * Direct multi-horizon regression on seasonal lags with recent-level correction. For each horizon h
 * it predicts the change z[t+h] − z[t] from: the last steps' changes, the gap to the recent mean,
 * what happened over the same h steps one day / one week earlier (and its median over the last
 * cycles), and how far today is from those days and from their median level. Fitted by
 * recency-weighted (half-life a week), Huber-weighted ridge least squares so that the fit follows
 * recent behaviour while outliers and holidays do not bend it.
 */
export function lagRegression(options: LagRegressionOptions): ForecastModel {
  const name = `lag-regression${options.daily ? "-daily" : ""}${options.weekly ? "-weekly" : ""}`;
  const layoutFor = (periods: SeasonalPeriods) => featureLayout(options, periods);
  return {
    name,
    minHistory: (periods, horizon) => {
      if ((options.daily && !periods.daily) || (options.weekly && !periods.weekly)) return Infinity;
      return layoutFor(periods).lookback(horizon) + horizon + 48;
    },
    fit: (input: ModelInput, fitEnd: number, horizon: number): FittedModel => {
      const layout = layoutFor(input.periods);
      const { values, observed } = input;
      const scale = changeScale(values, fitEnd);
      const halfLife = input.periods.daily ? RECENCY_HALF_LIFE_DAYS * input.periods.daily : MAX_TRAINING_ROWS;
      const coefficients: Float64Array[] = [];
      for (let h = 1; h <= horizon; h++) {
        const first = Math.max(layout.lookback(h), fitEnd - h - MAX_TRAINING_ROWS);
        const count = Math.max(0, fitEnd - h - first);
        const rows = new Float64Array(count * layout.columns);
        const targets = new Float64Array(count);
        const weights = new Float64Array(count);
        for (let r = 0; r < count; r++) {
          const t = first + r;
          layout.write(values, t, h, rows, r * layout.columns, scale);
          targets[r] = (values[t + h] - values[t]) / scale;
          weights[r] = observed[t] && observed[t + h] ? 0.5 ** ((fitEnd - h - t) / halfLife) : 0;
        }
        coefficients.push(robustFit(rows, targets, weights, layout.columns));
      }
      const row = new Float64Array(layout.columns);
      return {
        forecastAt: (series, origin, steps) => {
          const out = new Float64Array(steps);
          for (let h = 1; h <= steps; h++) {
            layout.write(series, origin, h, row, 0, scale);
            const beta = coefficients[Math.min(h, coefficients.length) - 1];
            let change = 0;
            for (let j = 0; j < layout.columns; j++) change += beta[j] * row[j];
            out[h - 1] = series[origin] + change * scale;
          }
          return out;
        },
      };
    },
  };
}

interface FeatureLayout {
  readonly columns: number;
  /** Steps before t that the features read for horizon h (beyond a season the cycle lags reach back whole seasons further). */
  lookback(h: number): number;
  write(values: Float64Array, t: number, h: number, into: Float64Array, offset: number, scale: number): void;
}

function featureLayout(options: LagRegressionOptions, periods: SeasonalPeriods): FeatureLayout {
  const day = options.daily ? periods.daily : undefined;
  const week = options.weekly ? periods.weekly : undefined;
  const weekCycles = week ? Math.max(1, Math.min(WEEKLY_CYCLES, Math.floor((periods.historySteps ?? 0) / week) - 1)) : 0;
  const columns = 4 + (day ? 5 : 0) + (week ? 5 : 0);
  const maxLag = Math.max(12, day ? DAILY_CYCLES * day + 1 : 0, week ? weekCycles * week + 1 : 0);
  return {
    columns,
    lookback: (h) => Math.max(maxLag, day ? DAILY_CYCLES * day * Math.ceil(h / day) : 0, week ? weekCycles * week * Math.ceil(h / week) : 0),
    write(values, t, h, into, offset, scale) {
      const now = values[t];
      let recentSum = 0;
      for (let k = 0; k < 12; k++) recentSum += values[t - k];
      let c = offset;
      into[c++] = 1;
      into[c++] = (now - values[t - 1]) / scale;
      into[c++] = (now - values[t - 3]) / scale;
      into[c++] = (now - recentSum / 12) / scale;
      if (day) {
        const back = day * Math.ceil(h / day);
        into[c++] = (values[t + h - back] - values[t - back]) / scale;
        into[c++] = (now - values[t - day]) / scale;
        into[c++] = (now - values[t - 1] - values[t - day] + values[t - day - 1]) / scale;
        into[c++] = medianCycleChange(values, t, h, back, DAILY_CYCLES) / scale;
        into[c++] = (now - medianCycleLevel(values, t, day, DAILY_CYCLES)) / scale;
      }
      if (week) {
        const back = week * Math.ceil(h / week);
        into[c++] = (values[t + h - back] - values[t - back]) / scale;
        into[c++] = (now - values[t - week]) / scale;
        into[c++] = (now - values[t - 1] - values[t - week] + values[t - week - 1]) / scale;
        into[c++] = medianCycleChange(values, t, h, back, weekCycles) / scale;
        into[c++] = (now - medianCycleLevel(values, t, week, weekCycles)) / scale;
      }
    },
  };
}

/** Typical size of a one-step change (robust), so features and ridge penalty are scale-free. */
function changeScale(values: Float64Array, end: number): number {
  const changes = new Float64Array(Math.max(0, end - 1));
  for (let t = 1; t < end; t++) changes[t - 1] = values[t] - values[t - 1];
  const mad = medianAbsoluteDeviation(changes) * 1.4826;
  if (mad > 0) return mad;
  let meanAbs = 0;
  for (const c of changes) meanAbs += Math.abs(c);
  return meanAbs > 0 ? meanAbs / changes.length : 1;
}

/** Ridge fit, then Huber re-weighting of large residuals (on top of the base weights). */
function robustFit(rows: Float64Array, targets: Float64Array, baseWeights: Float64Array, columns: number): Float64Array {
  const weights = Float64Array.from(baseWeights);
  let beta = ridgeRegression(rows, targets, weights, columns, RIDGE_LAMBDA);
  for (let pass = 0; pass < ROBUST_PASSES; pass++) {
    const residuals = new Float64Array(targets.length);
    for (let r = 0; r < targets.length; r++) {
      let fitted = 0;
      for (let j = 0; j < columns; j++) fitted += beta[j] * rows[r * columns + j];
      residuals[r] = baseWeights[r] ? targets[r] - fitted : NaN;
    }
    const spread = medianAbsoluteDeviation(residuals) * 1.4826 || 1;
    for (let r = 0; r < targets.length; r++) {
      const size = Math.abs(residuals[r]) / spread;
      weights[r] = baseWeights[r] === 0 ? 0 : baseWeights[r] * (size <= HUBER_K ? 1 : HUBER_K / size);
    }
    beta = ridgeRegression(rows, targets, weights, columns, RIDGE_LAMBDA);
  }
  return beta;
}

/** Median over the last `cycles` seasons of the change over the same h steps: robust to one odd day or week. */
function medianCycleChange(values: Float64Array, t: number, h: number, back: number, cycles: number): number {
  const changes: number[] = [];
  for (let k = 1; k <= cycles; k++) changes.push(values[t + h - back * k] - values[t - back * k]);
  return medianOfSmall(changes);
}

function medianOfSmall(values: number[]): number {
  values.sort((a, b) => a - b);
  const middle = values.length >> 1;
  return values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/** Median of the value at the same step over the last `cycles` seasons: the robust seasonal level today is compared with. */
function medianCycleLevel(values: Float64Array, t: number, back: number, cycles: number): number {
  const levels: number[] = [];
  for (let k = 1; k <= cycles; k++) levels.push(values[t - back * k]);
  return medianOfSmall(levels);
}
