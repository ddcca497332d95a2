import { fitForecast } from "./engine";
import { seasonalPeriods } from "./seasonality";

describe("seasonalPeriods", () => {
  it.each([
    [300, 4319, { daily: 288, historySteps: 4319 }],
    [300, 4320, { daily: 288, weekly: 2016, historySteps: 4320 }],
    [1800, 100, { daily: 48, historySteps: 100 }],
    [1800, 720, { daily: 48, weekly: 336, historySteps: 720 }],
    [86_400, 15, { weekly: 7, historySteps: 15 }],
    [86_400, 14, { historySteps: 14 }],
    [43_200, 30, { weekly: 14, historySteps: 30 }],
    [172_800, 100, { historySteps: 100 }],
  ])("step %i s, %i steps → %j", (step, length, expected) => {
    expect(seasonalPeriods(step, length)).toEqual(expected);
  });
});

describe("fitForecast on daily data", () => {
  it("follows the weekly cycle of a daily series", () => {
    // 30 weeks of daily counts: weekdays ~1000 with a slow trend, weekends at half.
    let state = 9;
    const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
    const truth = (i: number) => (1000 + i) * (i % 7 >= 5 ? 0.5 : 1);
    const values = Float64Array.from({ length: 210 }, (_, i) => truth(i) * (1 + 0.03 * noise()));
    const fit = fitForecast({ startMs: Date.UTC(2024, 0, 1), stepSeconds: 86_400, values }, { horizonSteps: 7 });
    for (let h = 1; h <= 7; h++) expect(Math.abs(fit.values[h - 1] - truth(209 + h)) / truth(209 + h)).toBeLessThan(0.1);
  });
});
