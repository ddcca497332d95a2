import { fitForecast } from "./engine";
import type { RegularSeries } from "./regular-series";

/** Daily-seasonal traffic with noise, 30-minute steps. */
function dailyTraffic(days: number): RegularSeries {
  let state = 11;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const values = Float64Array.from({ length: days * 48 }, (_, i) => 1000 * (1 + 0.6 * Math.sin((2 * Math.PI * (i % 48)) / 48)) * (1 + 0.03 * noise()));
  return { startMs: Date.UTC(2024, 0, 1), stepSeconds: 1800, values };
}

describe("ForecastFit.forecastFrom", () => {
  const full = dailyTraffic(20);
  const fittedLength = full.values.length - 30;
  const fit = fitForecast({ ...full, values: full.values.slice(0, fittedLength) }, { horizonSteps: 3 });

  it("reproduces the fit's own forecast from the fitted origin", () => {
    const same = fit.forecastFrom({ ...full, values: full.values.slice(0, fittedLength) });
    expect(Array.from(same.values)).toEqual(Array.from(fit.values));
    expect(same.quantile(2, 0.9)).toBe(fit.quantile(2, 0.9));
    expect(same.lastTimestampMs).toBe(fit.lastTimestampMs);
  });

  it("follows later steps without refitting, as accurately as at the fitted origin", () => {
    let freshError = 0;
    let staleError = 0;
    for (let extra = 6; extra < 27; extra++) {
      const origin = fittedLength - 1 + extra;
      const from = fit.forecastFrom({ ...full, values: full.values.slice(0, origin + 1) });
      expect(from.lastTimestampMs).toBe(full.startMs + origin * 1800_000);
      expect(from.quantile(1, 0.95)).toBeGreaterThan(from.values[0]);
      freshError += Math.abs(full.values[origin + 1] - from.values[0]);
      staleError += Math.abs(full.values[origin + 1] - full.values[fittedLength - 1]);
    }
    expect(freshError / 21).toBeLessThan(60);
    expect(freshError).toBeLessThan(0.2 * staleError);
  });

  it("bridges a gap at the end of the newer series", () => {
    const values = full.values.slice(0, fittedLength + 4);
    values[fittedLength + 2] = NaN;
    expect(Array.from(fit.forecastFrom({ ...full, values }).values).every(Number.isFinite)).toBe(true);
  });

  it("refuses a series that does not extend the fitted one", () => {
    expect(() => fit.forecastFrom({ ...full, startMs: full.startMs + 1800_000, values: full.values })).toThrow(/extended by later steps/);
    expect(() => fit.forecastFrom({ ...full, values: full.values.slice(0, 100) })).toThrow(RangeError);
  });
});
