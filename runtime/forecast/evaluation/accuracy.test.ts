import { AccuracyAccumulator } from "./accuracy";

describe("AccuracyAccumulator", () => {
  it("computes MAPE over non-zero actuals, WAPE over all, and the share within a band", () => {
    const a = new AccuracyAccumulator();
    a.add(100, 110); // 10%
    a.add(200, 190); // 5%
    a.add(50, 75); // 50%
    a.add(0, 5); // no percentage; counts in WAPE
    a.add(NaN, 1); // ignored
    expect(a.mape).toBeCloseTo((10 + 5 + 50) / 3);
    expect(a.wape).toBeCloseTo((100 * (10 + 10 + 25 + 5)) / 350);
    expect(a.shareWithin(8)).toBeCloseTo(100 / 3);
    expect(a.shareWithin(10)).toBeCloseTo(200 / 3);
    expect(a.points).toBe(4);
  });

  it("is NaN with nothing to score", () => {
    const a = new AccuracyAccumulator();
    expect(a.mape).toBeNaN();
    expect(a.wape).toBeNaN();
    expect(a.shareWithin(8)).toBeNaN();
  });
});
