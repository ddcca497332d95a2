import { centredReference, centredReferenceAccuracy } from "./centred-reference";

describe("centredReference", () => {
  it("averages the observed neighbours on both sides, excluding the target", () => {
    const values = Float64Array.from([1, 2, 100, 4, NaN, 6]);
    expect(centredReference(values, 2, 2)).toBeCloseTo((1 + 2 + 4) / 3);
    expect(centredReference(values, 5, 1)).toBeNaN();
  });

  it("has no error on a straight line and the noise's error on white noise around a level", () => {
    const line = { startMs: 0, stepSeconds: 300, values: Float64Array.from({ length: 400 }, (_, i) => 100 + i) };
    const [exact] = centredReferenceAccuracy(line, { horizons: [6], origins: 50, testFraction: 0.5 });
    expect(exact.wape).toBeCloseTo(0, 9);
    let state = 1;
    const noisy = { ...line, values: Float64Array.from({ length: 400 }, () => 100 + ((state = (state * 48271) % 2147483647) % 2 ? 10 : -10)) };
    const [noise] = centredReferenceAccuracy(noisy, { horizons: [6], origins: 50, testFraction: 0.5 });
    expect(noise.wape).toBeGreaterThan(5);
  });
});
