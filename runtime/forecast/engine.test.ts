import { fitForecast, InsufficientHistoryError } from "./engine";
import type { ForecastModel } from "./models/model";
import { persistence } from "./models/persistence";
import type { RegularSeries } from "./regular-series";

/** Daily + weekly seasonal, multiplicative, with a trend change and noise; 30-minute steps. */
function syntheticTraffic(days: number, seed = 7): RegularSeries {
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const values = Float64Array.from({ length: days * 48 }, (_, i) => {
    const day = Math.floor(i / 48);
    const daily = 1 + 0.6 * Math.sin((2 * Math.PI * (i % 48)) / 48 - Math.PI / 2);
    const weekly = day % 7 >= 5 ? 0.7 : 1;
    const level = day < days - 10 ? 1000 : 1000 + 20 * (day - (days - 10));
    return level * daily * weekly * (1 + 0.03 * noise());
  });
  return { startMs: Date.UTC(2024, 0, 1), stepSeconds: 1800, values };
}

describe("fitForecast", () => {
  it("beats persistence on a seasonal series and brackets the truth with its interval", () => {
    const full = syntheticTraffic(42);
    const cut = full.values.length - 24;
    let pseError = 0;
    let persistenceError = 0;
    let covered = 0;
    for (let origin = cut; origin < full.values.length - 1; origin += 3) {
      const history = { ...full, values: full.values.slice(0, origin + 1) };
      const fit = fitForecast(history, { horizonSteps: 1 });
      const actual = full.values[origin + 1];
      pseError += Math.abs(actual - fit.values[0]);
      persistenceError += Math.abs(actual - full.values[origin]);
      if (actual >= fit.quantile(1, 0.05) && actual <= fit.quantile(1, 0.95)) covered++;
    }
    expect(pseError).toBeLessThan(0.5 * persistenceError);
    expect(covered).toBeGreaterThanOrEqual(6);
  });

  it("forecasts through gaps in the history", () => {
    const series = syntheticTraffic(21);
    for (let i = 500; i < 560; i++) series.values[i] = NaN;
    const fit = fitForecast(series, { horizonSteps: 4 });
    expect(Array.from(fit.values).every(Number.isFinite)).toBe(true);
    expect(fit.quantile(4, 0.95)).toBeGreaterThanOrEqual(fit.values[3]);
  });

  it("never chooses a candidate that could not forecast every horizon in the backtest", () => {
    // Exact one step ahead, no forecast beyond: its MAE over the finite residuals alone would be 0.
    const nearSighted: ForecastModel = {
      name: "near-sighted",
      minHistory: () => 1,
      fit: () => ({
        forecastAt: (values, origin, horizon) => Float64Array.from({ length: horizon }, (_, h) => (h === 0 ? values[origin + 1] ?? values[origin] : NaN)),
      }),
    };
    const fit = fitForecast(syntheticTraffic(21), { horizonSteps: 3, candidates: [nearSighted, persistence] });
    expect(fit.model).toMatch(/^persistence\//);
    expect(Array.from(fit.values).every(Number.isFinite)).toBe(true);
  });

  it("refuses a history too short for the horizon", () => {
    const series = { startMs: 0, stepSeconds: 300, values: Float64Array.from([1, 2, 3, 4, 5]) };
    expect(() => fitForecast(series, { horizonSteps: 2 })).toThrow(InsufficientHistoryError);
  });
});
