import { evaluateRollingOrigin, rollingOrigins, type Forecaster } from "./rolling-origin";

describe("evaluateRollingOrigin", () => {
  const series = { startMs: 0, stepSeconds: 300, values: Float64Array.from({ length: 200 }, (_, i) => 10 + i) };

  it("places observed origins in the test span with room for the longest horizon", () => {
    const gappy = { ...series, values: series.values.map((v, i) => (i === 160 ? NaN : v)) };
    const origins = rollingOrigins(gappy, { horizons: [3, 6], origins: 50, testFraction: 0.25 });
    expect(origins.length).toBe(43);
    expect(Math.min(...origins)).toBe(150);
    expect(Math.max(...origins)).toBe(193);
    expect(origins).not.toContain(160);
  });

  it("shows each forecaster only the history up to the origin", async () => {
    const seenLast: number[] = [];
    const lastValue: Forecaster = {
      name: "last value",
      fit: (history, steps) => {
        seenLast.push(history.values[history.values.length - 1]);
        return { predict: () => new Float64Array(steps).fill(history.values[history.values.length - 1]) };
      },
    };
    const [result] = await evaluateRollingOrigin(series, [lastValue], { horizons: [1], origins: 10, testFraction: 0.5, historySteps: 30 });
    expect(result.fits).toBe(10);
    expect(result.fitMilliseconds).toBeGreaterThanOrEqual(0);
    expect(result.predictMilliseconds).toBeGreaterThanOrEqual(0);
    expect(seenLast.every((v, i) => i === 0 || v > seenLast[i - 1])).toBe(true);
    expect(result.accuracy[0].mape).toBeGreaterThan(0);
    expect(result.accuracy[0].wape).toBeCloseTo((100 * 10) / seenLast.reduce((sum, v) => sum + v + 1, 0));
  });
});
