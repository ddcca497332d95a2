import { externalMetricReplicas, limitScaleUp, resourceMetricReplicas } from "./reactive-hpa";

const hpa = { targetUtilisation: 0.7, tolerance: 0.1, syncSeconds: 15 };

describe("resourceMetricReplicas (Kubernetes algorithm)", () => {
  it("scales to usage / target outside the tolerance", () => {
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 10, usagePods: 9.1 }, hpa)).toBe(13);
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 10, usagePods: 3.5 }, hpa)).toBe(5);
  });

  it("does nothing within 10% of the target", () => {
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 10, usagePods: 7.6 }, hpa)).toBe(10);
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 10, usagePods: 6.4 }, hpa)).toBe(10);
  });

  it("counts starting pods as idle on a scale-up", () => {
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 14, usagePods: 9.1 }, hpa)).toBe(14);
    expect(resourceMetricReplicas({ readyPods: 10, currentReplicas: 12, usagePods: 10 }, hpa)).toBe(15);
  });
});

describe("externalMetricReplicas (KEDA average-value target)", () => {
  it("lands on value / target unless within tolerance", () => {
    expect(externalMetricReplicas(1500, 100, 10, hpa)).toBe(15);
    expect(externalMetricReplicas(1050, 100, 10, hpa)).toBe(10);
    expect(externalMetricReplicas(800, 100, 10, hpa)).toBe(8);
  });
});

describe("limitScaleUp", () => {
  it("allows +100% or +4 pods, whichever is more", () => {
    expect(limitScaleUp(2, 50)).toBe(6);
    expect(limitScaleUp(10, 50)).toBe(20);
    expect(limitScaleUp(10, 12)).toBe(12);
  });
});
