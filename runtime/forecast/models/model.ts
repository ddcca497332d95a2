import type { SeasonalPeriods } from "../seasonality";

/** What every model sees: the (transformed, gap-filled) series and which steps were observed. */
export interface ModelInput {
  readonly values: Float64Array;
  readonly observed: Uint8Array;
  readonly periods: SeasonalPeriods;
}

/**
 * A forecasting method. `fit` learns from indices `[0, fitEnd)` only; the fitted model then
 * forecasts from any origin using values up to and including that origin, never after it.
 */
export interface ForecastModel {
  readonly name: string;
  /** Fewest steps of history `fit` needs for this horizon; the engine skips the model below it. */
  minHistory(periods: SeasonalPeriods, horizon: number): number;
  fit(input: ModelInput, fitEnd: number, horizon: number): FittedModel;
}

export interface FittedModel {
  /** Point forecasts for origin+1 … origin+horizon (in the transformed space). */
  forecastAt(values: Float64Array, origin: number, horizon: number): Float64Array;
}
