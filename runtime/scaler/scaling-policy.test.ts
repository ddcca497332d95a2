import { decideReplicas, type ScalingPolicy } from "./scaling-policy";

const policy: ScalingPolicy = { capacityPerPod: 100, minReplicas: 2, maxReplicas: 50, maxScaleDownFraction: 0.1 };

describe("decideReplicas", () => {
  it("sizes for the largest forecast in the lead window, before the load arrives", () => {
    const d = decideReplicas({ currentReplicas: 5, observedLoad: 480, forecastUpper: [500, 900, 750] }, policy);
    expect(d).toMatchObject({ replicas: 9, targetLoad: 900, boundBy: "forecast" });
    expect(d.explanation).toMatch(/5 → 9 replicas.*forecast peak 900/);
  });

  it("never goes below the observed need when the forecast is lower", () => {
    expect(decideReplicas({ currentReplicas: 8, observedLoad: 801, forecastUpper: [300, 200] }, policy)).toMatchObject({ replicas: 9, boundBy: "observed" });
  });

  it("falls back to the observed load with no forecast", () => {
    const d = decideReplicas({ currentReplicas: 3, observedLoad: 350, forecastUpper: [] }, policy);
    expect(d).toMatchObject({ replicas: 4, boundBy: "observed" });
    expect(d.explanation).toMatch(/reactive fallback/);
  });

  it("removes at most the step-down fraction per decision", () => {
    expect(decideReplicas({ currentReplicas: 40, observedLoad: 100, forecastUpper: [100] }, policy)).toMatchObject({ replicas: 36, boundBy: "step-down" });
  });

  it("always lets one pod go, so a small workload can scale in", () => {
    const d = decideReplicas({ currentReplicas: 9, observedLoad: 100, forecastUpper: [100] }, policy);
    expect(d).toMatchObject({ replicas: 8, boundBy: "step-down" });
    expect(d.explanation).toMatch(/at most 1 of 9 pods/);
    expect(decideReplicas({ currentReplicas: 3, observedLoad: 100, forecastUpper: [100] }, { ...policy, minReplicas: 1, maxScaleDownFraction: 0.25 }).replicas).toBe(2);
    expect(decideReplicas({ currentReplicas: 9, observedLoad: 100, forecastUpper: [100] }, { ...policy, maxScaleDownFraction: 0 })).toMatchObject({ replicas: 9, boundBy: "step-down" });
  });

  it("respects the floor and the ceiling", () => {
    expect(decideReplicas({ currentReplicas: 1, observedLoad: 0, forecastUpper: [10] }, policy)).toMatchObject({ replicas: 2, boundBy: "floor" });
    expect(decideReplicas({ currentReplicas: 50, observedLoad: 9000, forecastUpper: [12000] }, policy)).toMatchObject({ replicas: 50, boundBy: "ceiling" });
  });

  it("does not round a whole load up to an extra pod", () => {
    expect(decideReplicas({ currentReplicas: 3, observedLoad: 300, forecastUpper: [300] }, policy).replicas).toBe(3);
  });
});

describe("decideReplicas with a target utilisation", () => {
  const targeted: ScalingPolicy = { ...policy, targetUtilisation: 0.5 };

  it("sizes the expected load at the target and the upper quantile within full capacity", () => {
    const byPoint = decideReplicas({ currentReplicas: 5, observedLoad: 300, forecastPoint: [400, 500], forecastUpper: [600, 700] }, targeted);
    expect(byPoint).toMatchObject({ replicas: 10, targetLoad: 1000, boundBy: "forecast" });
    expect(byPoint.explanation).toMatch(/forecast peak 700 \(expected 500\).*50 per pod at the 50% target \(100 at 100%\)/);
    const byUpper = decideReplicas({ currentReplicas: 5, observedLoad: 300, forecastPoint: [400, 500], forecastUpper: [600, 1300] }, targeted);
    expect(byUpper).toMatchObject({ replicas: 13, targetLoad: 1300 });
  });

  it("keeps the observed load at the target when the forecast is lower", () => {
    expect(decideReplicas({ currentReplicas: 10, observedLoad: 450, forecastPoint: [300], forecastUpper: [400] }, targeted)).toMatchObject({ replicas: 9, boundBy: "observed" });
  });

  it("without point forecasts holds the upper quantile to the target too", () => {
    expect(decideReplicas({ currentReplicas: 5, observedLoad: 100, forecastUpper: [400] }, targeted)).toMatchObject({ replicas: 8, targetLoad: 800 });
  });

  it("rejects a target utilisation outside (0, 1]", () => {
    expect(() => decideReplicas({ currentReplicas: 1, observedLoad: 1, forecastUpper: [] }, { ...policy, targetUtilisation: 0 })).toThrow(/targetUtilisation/);
    expect(() => decideReplicas({ currentReplicas: 1, observedLoad: 1, forecastUpper: [] }, { ...policy, targetUtilisation: 70 })).toThrow(/targetUtilisation/);
  });
});
