import type { FittedModel, ForecastModel } from "./model";

/** The last observed value, carried forward: what a reactive autoscaler effectively assumes. */
export const persistence: ForecastModel = {
  name: "persistence",
  minHistory: () => 1,
  fit: (): FittedModel => ({
    forecastAt: (values, origin, horizon) => new Float64Array(horizon).fill(values[origin]),
  }),
};
