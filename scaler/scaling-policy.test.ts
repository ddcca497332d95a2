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

  it("respects the floor and the ceiling", () => {
    expect(decideReplicas({ currentReplicas: 1, observedLoad: 0, forecastUpper: [10] }, policy)).toMatchObject({ replicas: 2, boundBy: "floor" });
    expect(decideReplicas({ currentReplicas: 50, observedLoad: 9000, forecastUpper: [12000] }, policy)).toMatchObject({ replicas: 50, boundBy: "ceiling" });
  });

  it("does not round a whole load up to an extra pod", () => {
    expect(decideReplicas({ currentReplicas: 3, observedLoad: 300, forecastUpper: [300] }, policy).replicas).toBe(3);
  });
});
