import type { SeasonalPeriods } from "../seasonality";
import type { FittedModel, ForecastModel } from "./model";

/** The value one season (day or week) before each target step. */
export function seasonalNaive(season: keyof SeasonalPeriods): ForecastModel {
  return {
    name: `seasonal-naive-${season}`,
    minHistory: (periods) => periods[season] ?? Infinity,
    fit: (input): FittedModel => {
      const period = input.periods[season]!;
      return {
        forecastAt: (values, origin, horizon) => {
          const out = new Float64Array(horizon);
          for (let h = 1; h <= horizon; h++) out[h - 1] = values[origin + h - period * Math.ceil(h / period)];
          return out;
        },
      };
    },
  };
}
