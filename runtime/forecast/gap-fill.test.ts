import { fillGaps } from "./gap-fill";

describe("fillGaps", () => {
  it("bridges short gaps linearly and marks them unobserved", () => {
    const filled = fillGaps(Float64Array.from([1, NaN, NaN, 4]), undefined);
    expect(Array.from(filled.values)).toEqual([1, 2, 3, 4]);
    expect(Array.from(filled.observed)).toEqual([1, 0, 0, 1]);
  });

  it("fills a long gap with the previous season's shape, meeting both edges", () => {
    const period = 8;
    const truth = Array.from({ length: 40 }, (_, i) => 10 + 5 * Math.sin((2 * Math.PI * i) / period));
    const values = Float64Array.from(truth);
    for (let i = 20; i < 27; i++) values[i] = NaN;
    const filled = fillGaps(values, period);
    for (let i = 20; i < 27; i++) expect(filled.values[i]).toBeCloseTo(truth[i], 6);
  });

  it("fills leading and trailing gaps with the nearest observation and stays in the observed range", () => {
    const filled = fillGaps(Float64Array.from([NaN, 2, 0, NaN]), undefined);
    expect(Array.from(filled.values)).toEqual([2, 2, 0, 0]);
  });
});
