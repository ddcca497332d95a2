import { validateJudgeConfig } from "./judge-config";
import { argoPolicy, buildCase, flaggerPolicy, icnaPolicy } from "./replay";

const source = Array.from({ length: 400 }, (_, i) => 100 + ((i * 37) % 11) - 5);

describe("replay", () => {
  it("interleaves one series into two colours and injects the regression into the canary only", () => {
    const c = buildCase(source, 0, 10, 40, 10, { kind: "step", fraction: 0.5 });
    expect(c.before).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((i) => source[i]));
    expect(c.baseline[0]).toBe(source[20]);
    expect(c.canary[0]).toBeCloseTo(source[21] * 1.5, 9);
  });

  it("ramps a drift to its full size over the given intervals", () => {
    const c = buildCase(source, 0, 10, 40, 10, { kind: "drift", fraction: 0.5, intervals: 2 });
    expect(c.canary[9] / source[20 + 19]).toBeCloseTo(1.25, 9);
    expect(c.canary[39] / source[20 + 79]).toBeCloseTo(1.5, 9);
  });

  it("times rollbacks as each tool would: ICNA and Argo at an interval end, Flagger after 5 failed checks", () => {
    const c = buildCase(source, 0, 60, 60, 10, { kind: "step", fraction: 0.5 });
    const config = validateJudgeConfig({ metrics: [{ name: "m", direction: "increase", critical: true }] });
    expect(icnaPolicy(config)(c, "m", 10)).toBe(10);
    expect(argoPolicy(0.2)(c, "m", 10)).toBe(10);
    expect(flaggerPolicy(0.2)(c, "m", 10)).toBe(5);
    const clean = buildCase(source, 0, 60, 60, 10, { kind: "none" });
    expect(icnaPolicy(config)(clean, "m", 10)).toBeUndefined();
    expect(argoPolicy(0.2)(clean, "m", 10)).toBeUndefined();
  });
});
