import { PSE_CANDIDATES } from "./candidates";
import { loadResampled } from "./evaluation/corpus";
import { recordedDataPath } from "../../testing/recorded-data";
import { fitForecast } from "./engine";
import { fillGaps } from "./gap-fill";
import type { RegularSeries } from "./regular-series";
import { seasonalPeriods } from "./seasonality";

/** Six-hourly traffic (4 steps a day) with a weekly cycle and noise, like a capacity-planning export. */
function sixHourly(days: number): RegularSeries {
  let state = 3;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const values = Float64Array.from({ length: days * 4 }, (_, i) => {
    const daily = [0.3, 1, 1.4, 0.9][i % 4];
    const weekly = Math.floor(i / 4) % 7 >= 5 ? 0.6 : 1;
    return 200_000 * daily * weekly * (1 + 0.05 * noise());
  });
  return { startMs: Date.UTC(2024, 0, 1), stepSeconds: 21_600, values };
}

describe("forecasts beyond one day", () => {
  const series = sixHourly(160);

  it("every candidate forecasts every step of a horizon longer than its seasons' lags reach back at the start of training", () => {
    const periods = seasonalPeriods(series.stepSeconds, series.values.length);
    const filled = fillGaps(series.values, periods.daily);
    const input = { values: filled.values, observed: filled.observed, periods };
    const horizon = 28;
    for (const model of PSE_CANDIDATES) {
      if (model.minHistory(periods, horizon) > 300) continue;
      const forecast = model.fit(input, 300, horizon).forecastAt(filled.values, 299, horizon);
      expect({ model: model.name, finite: Array.from(forecast).every(Number.isFinite) }).toEqual({ model: model.name, finite: true });
    }
  });

  it("the lag regressions read nothing before the series' start when forecasting 15 days from the earliest origin their history allows", () => {
    const periods = seasonalPeriods(series.stepSeconds, series.values.length);
    const filled = fillGaps(series.values, periods.daily);
    const input = { values: filled.values, observed: filled.observed, periods };
    const horizon = 60;
    // Reading before index 0 gives undefined; with a prefix in front the same read sees a value, so the forecasts would differ.
    const prefixed = Float64Array.from([...Array.from({ length: 1000 }, () => 1e6), ...filled.values]);
    for (const model of PSE_CANDIDATES.filter((m) => m.name.startsWith("lag-regression"))) {
      const fitted = model.fit(input, 500, horizon);
      const origin = model.minHistory(periods, horizon) - 1;
      const plain = Array.from(fitted.forecastAt(filled.values, origin, horizon));
      const withPrefix = Array.from(fitted.forecastAt(prefixed, origin + 1000, horizon));
      expect({ model: model.name, forecast: withPrefix }).toEqual({ model: model.name, forecast: plain });
    }
  });

  it("fitForecast gives a finite value and interval at every step of a 7-day horizon on 6-hourly data", () => {
    // NAB nyc_taxi summed to 6 hours, up to 10 December 2014: 'icna forecast --horizon 10080' printed null from the second day on.
    const taxi = loadResampled(recordedDataPath("nyc_taxi-6h-sums.csv"), "sum", 21_600);
    const fit = fitForecast({ ...taxi, values: taxi.values.slice(0, 649) }, { horizonSteps: 28 });
    for (let h = 1; h <= 28; h++) {
      expect([fit.values[h - 1], fit.quantile(h, 0.05), fit.quantile(h, 0.95)].every(Number.isFinite)).toBe(true);
    }
  });
});
