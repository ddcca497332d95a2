import { fitForecast, InsufficientHistoryError } from "./engine";
import type { RegularSeries } from "./regular-series";

/** Daily-seasonal traffic with noise, 30-minute steps. */
function dailyTraffic(days: number): RegularSeries {
  let state = 5;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const values = Float64Array.from({ length: days * 48 }, (_, i) => 1000 * (1 + 0.6 * Math.sin((2 * Math.PI * (i % 48)) / 48)) * (1 + 0.05 * noise()));
  return { startMs: Date.UTC(2024, 0, 1), stepSeconds: 1800, values };
}

describe("fitForecast after a long outage at the end of the history", () => {
  // 14 days observed, a 5-day monitoring outage, then the first 3 steps after it: the last 25% of
  // the grid (the usual backtest span) is almost all gap.
  const series = dailyTraffic(19);
  const outage = { start: 14 * 48, end: series.values.length - 3 };
  for (let i = outage.start; i < outage.end; i++) series.values[i] = NaN;

  it("backtests on the observed history before the gap and gives finite intervals", () => {
    const fit = fitForecast(series, { horizonSteps: 3 });
    expect(fit.backtestOrigins).toBeGreaterThanOrEqual(20);
    expect(fit.scores[0].meanAbsoluteError).toBeLessThan(200);
    for (let h = 1; h <= 3; h++) {
      expect(fit.quantile(h, 0.05)).toBeLessThanOrEqual(fit.values[h - 1]);
      expect(fit.quantile(h, 0.95)).toBeGreaterThan(fit.values[h - 1]);
    }
  });

  it("refuses, rather than returning NaN intervals, when no backtest target was observed", () => {
    // Every other step observed at the end: no origin has an observed value one step later.
    const sparse = dailyTraffic(19);
    for (let i = 10 * 48; i < sparse.values.length - 1; i += 2) sparse.values[i] = NaN;
    sparse.values[sparse.values.length - 2] = NaN;
    expect(() => fitForecast(sparse, { horizonSteps: 1 })).toThrow(InsufficientHistoryError);
    expect(() => fitForecast(sparse, { horizonSteps: 1 })).toThrow(/backtest/);
  });

  it("says the values are too large, not too sparse, when every forecast overflows", () => {
    const huge = dailyTraffic(19);
    for (let i = 0; i < huge.values.length; i++) huge.values[i] *= 1e305;
    expect(() => fitForecast(huge, { horizonSteps: 2 })).toThrow(/too large to compute with; rescale the series/);
  });
});
