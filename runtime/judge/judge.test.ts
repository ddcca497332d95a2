import { hodgesLehmann } from "./hodges-lehmann";
import { judge, type MetricSamples } from "./judge";
import { JudgeConfigError, parseJudgeConfig, validateJudgeConfig, type JudgeConfigInput } from "./judge-config";
import { mannWhitney } from "./mann-whitney";

/** Deterministic noise around a level (no Math.random: every run judges the same samples). */
function sample(level: number, n: number, seed: number, spread = 0.1): number[] {
  let s = seed;
  return Array.from({ length: n }, () => level * (1 + spread * ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5)));
}

const latencyConfig: JudgeConfigInput = {
  metrics: [
    { name: "latency", direction: "increase", allowedChangePercent: 10, criticalChangePercent: 20, critical: true },
    { name: "throughput", direction: "decrease" },
  ],
};
const config = validateJudgeConfig(latencyConfig);

describe("mannWhitney", () => {
  it("matches scipy's asymptotic test (tie correction, continuity correction)", () => {
    expect(mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).pGreater).toBeCloseTo(0.006092890177672406, 6);
    const tied = mannWhitney([1, 1, 2, 2, 3], [2, 3, 3, 4, 4, 5]);
    expect(tied.u).toBe(27);
    expect(tied.pGreater).toBeCloseTo(0.015816711519938482, 6);
  });

  it("is symmetric: swapping the samples swaps the one-sided p-values", () => {
    const a = sample(100, 20, 3);
    const b = sample(105, 20, 5);
    expect(mannWhitney(a, b).pGreater).toBeCloseTo(mannWhitney(b, a).pLess, 12);
  });
});

describe("hodgesLehmann", () => {
  it("estimates a pure shift exactly and brackets it", () => {
    const base = sample(100, 30, 7);
    const shifted = base.map((v) => v + 12);
    const est = hodgesLehmann(base, shifted);
    expect(est.shift).toBeCloseTo(12, 9);
    expect(est.low).toBeLessThanOrEqual(12);
    expect(est.high).toBeGreaterThanOrEqual(12);
  });
});

describe("judge", () => {
  const baseline: MetricSamples = { latency: sample(200, 30, 11), throughput: sample(1000, 30, 13) };

  it("passes a canary indistinguishable from the baseline", () => {
    const result = judge(baseline, { latency: sample(200, 30, 17), throughput: sample(1000, 30, 19) }, config);
    expect(result.verdict).toBe("pass");
    expect(result.score).toBe(100);
  });

  it("fails when a critical metric regresses beyond its critical threshold, and says why", () => {
    const result = judge(baseline, { latency: sample(260, 30, 17), throughput: sample(1000, 30, 19) }, config);
    expect(result.verdict).toBe("fail");
    expect(result.reason).toBe("critical metric failed: latency");
    const latency = result.metrics[0];
    expect(latency.outcome).toBe("fail");
    expect(latency.changePercent).toBeGreaterThan(20);
    expect(latency.reason).toMatch(/^beyond the critical 20% \(critical metric\): \+\d+\.\d% \(95% CI .*p=/);
  });

  it("marks a change between allowed and critical as marginal and scores it half", () => {
    const result = judge(baseline, { latency: sample(230, 30, 17), throughput: sample(1000, 30, 19) }, config);
    expect(result.metrics[0].outcome).toBe("marginal");
    expect(result.score).toBe(75);
    expect(result.verdict).toBe("marginal");
  });

  it("ignores improvements: lower latency and higher throughput pass", () => {
    const result = judge(baseline, { latency: sample(150, 30, 17), throughput: sample(1500, 30, 19) }, config);
    expect(result.verdict).toBe("pass");
  });

  it("fails a throughput drop (direction decrease)", () => {
    const result = judge(baseline, { latency: sample(200, 30, 17), throughput: sample(500, 30, 19) }, config);
    expect(result.metrics[1].outcome).toBe("fail");
    expect(result.score).toBe(50);
  });

  it("removes outliers before testing, so one wild sample does not fail a healthy canary", () => {
    const canary = sample(200, 30, 17);
    canary[3] = 100_000;
    const result = judge(baseline, { latency: canary, throughput: sample(1000, 30, 19) }, config);
    expect(result.metrics[0].outliersRemoved).toBe(1);
    expect(result.verdict).toBe("pass");
  });

  it("applies the no-data policy", () => {
    const noCanary = judge(baseline, { latency: [], throughput: sample(1000, 30, 19) }, config);
    expect(noCanary.metrics[0].outcome).toBe("nodata");
    expect(noCanary.verdict).toBe("fail");
    const lenient = validateJudgeConfig({ metrics: [{ name: "latency", direction: "increase", noData: "ignore" }, { name: "throughput", direction: "decrease" }] });
    expect(judge(baseline, { latency: [], throughput: sample(1000, 30, 19) }, lenient).verdict).toBe("pass");
  });
});

describe("judge config", () => {
  it("fills defaults", () => {
    expect(config.alpha).toBe(0.01);
    expect(config.metrics[1]).toMatchObject({ allowedChangePercent: 10, criticalChangePercent: 20, noData: "fail", minSamples: 5 });
  });

  it("names every bad field", () => {
    const text = "alpha: 2\nmetrics:\n  - name: latency\n    direction: up\n    allowedChangePercent: 30\n    criticalChangePercent: 20\n";
    try {
      parseJudgeConfig(text, "judge.yaml");
      throw new Error("expected a JudgeConfigError");
    } catch (error) {
      expect(error).toBeInstanceOf(JudgeConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/^judge\.yaml: invalid judge config:/);
      expect(message).toMatch(/alpha: /);
      expect(message).toMatch(/metrics\.0\.direction: /);
    }
  });

  it("rejects YAML syntax errors and unknown fields", () => {
    expect(() => parseJudgeConfig("metrics: [", "j.yaml")).toThrow(/j\.yaml: invalid judge config:\n {2}- not valid YAML/);
    expect(() => parseJudgeConfig("metrics:\n  - name: x\n    direction: increase\n    allowed: 5\n", "j.yaml")).toThrow(/metrics\.0: Unrecognized key.*allowed/);
  });
});
