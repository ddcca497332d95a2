import { correlate } from "./correlate";
import { triageIncident } from "./incident-triage";
import { buildHypotheses } from "./hypotheses";
import { rateIncreaseScore } from "./rate-test";
import { parseTimeWindow } from "./time-window";
import { parseLogTimestamp } from "./timestamp";
import { rankPatterns, type Occurrence } from "./triage";

/** P(X ≥ k) for X ~ Binomial(n, p), summed directly (small n only). */
function binomialTail(k: number, n: number, p: number): number {
  let total = 0;
  for (let i = k; i <= n; i++) {
    let c = 1;
    for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
    total += c * p ** i * (1 - p) ** (n - i);
  }
  return total;
}

const MIN = 60_000;
const T0 = Date.UTC(2024, 2, 1, 10, 0, 0);

describe("rateIncreaseScore", () => {
  it("is -log10 of the exact conditional binomial tail", () => {
    expect(rateIncreaseScore(10, 10, 10, 100)).toBeCloseTo(-Math.log10(binomialTail(10, 20, 10 / 110)), 8);
    expect(rateIncreaseScore(3, 30, 2, 60)).toBeCloseTo(-Math.log10(binomialTail(3, 5, 1 / 3)), 8);
  });

  it("scores a pattern absent from the baseline by the chance all its entries fell in the incident", () => {
    expect(rateIncreaseScore(5, 10, 0, 90)).toBeCloseTo(-5 * Math.log10(0.1), 8);
  });

  it("gives 0 when the incident rate is not above the baseline's", () => {
    expect(rateIncreaseScore(1, 10, 10, 100)).toBe(0);
    expect(rateIncreaseScore(0, 10, 0, 100)).toBe(0);
  });

  it("stays finite and fast for millions of entries", () => {
    const score = rateIncreaseScore(2_000_000, 60, 10_000_000, 600);
    expect(Number.isFinite(score)).toBe(true);
    expect(score).toBeGreaterThan(100);
  });
});

describe("rankPatterns", () => {
  it("ranks a surge above a pattern that is only frequent, and flags new patterns", () => {
    const occurrences: Occurrence[] = [];
    for (let m = 0; m < 120; m++)
      occurrences.push({ time: T0 + m * MIN, pattern: "heartbeat" }, { time: T0 + m * MIN + 1, pattern: "heartbeat" });
    for (let m = 0; m < 100; m += 20) occurrences.push({ time: T0 + m * MIN, pattern: "retry" });
    for (let m = 100; m < 120; m++) occurrences.push({ time: T0 + m * MIN + 2, pattern: "retry" });
    occurrences.push(
      { time: T0 + 110 * MIN, pattern: "oom" },
      { time: T0 + 111 * MIN, pattern: "oom" },
      { time: T0 + 112 * MIN, pattern: "oom" },
    );
    const ranked = rankPatterns(
      occurrences,
      new Map([["retry", "retrying request <NUM>"]]),
      { start: T0 + 100 * MIN, end: T0 + 120 * MIN },
      { start: T0, end: T0 + 100 * MIN },
    );
    expect(ranked.map((p) => p.id)).toEqual(["retry", "oom", "heartbeat"]);
    expect(ranked[0]).toMatchObject({
      template: "retrying request <NUM>",
      incident_rate: 1,
      baseline_rate: 0.05,
      new: false,
    });
    expect(ranked[1].new).toBe(true);
    expect(ranked[2].score).toBe(0);
  });
});

describe("correlate", () => {
  it("reports the share of anomaly points that follow a pattern within the lead time, against its base share", () => {
    const points = Array.from({ length: 60 }, (_, m) => T0 + m * MIN);
    const anomalies = [10, 25, 40, 55].map((m) => T0 + m * MIN);
    const occurrences: Occurrence[] = [9, 24, 39, 50].map((m) => ({ time: T0 + m * MIN + 30_000, pattern: "cache" }));
    const pattern = {
      id: "cache",
      template: "cache invalidated",
      baseline_rate: 0,
      incident_rate: 1,
      baseline_count: 0,
      incident_count: 4,
      score: 9,
      new: true,
    };
    const [c] = correlate([pattern], occurrences, [{ metric: "latency", points, anomalies }], {
      start: T0,
      end: T0 + 60 * MIN,
    });
    expect(c).toMatchObject({ metric: "latency", anomaly_points: 4, preceded: 3, share: 0.75, lead_minutes: 2 });
    expect(c.base_share).toBeCloseTo(8 / 60, 8);
    const hypotheses = buildHypotheses([pattern], [c]);
    expect(hypotheses[0]).toMatchObject({
      confidence: "high",
      title: "New `cache invalidated` precedes latency anomalies",
    });
    expect(hypotheses[0].evidence[1]).toBe(
      "75% of latency anomaly points (3 of 4) follow this pattern within 2 minutes, against 13% of all latency points",
    );
  });
});

describe("timestamps and windows", () => {
  it.each([
    ["2015-10-18 18:01:47,978", Date.UTC(2015, 9, 18, 18, 1, 47, 978)],
    ["2024-03-01T10:00:00+01:00", Date.UTC(2024, 2, 1, 9, 0, 0)],
    ["17/06/09 20:10:40", Date.UTC(2017, 5, 9, 20, 10, 40)],
    ["081109 203615", Date.UTC(2008, 10, 9, 20, 36, 15)],
    ["Sun Dec 04 04:47:44 2005", Date.UTC(2005, 11, 4, 4, 47, 44)],
    ["1117838570 2005.06.03", 1117838570000],
  ])("reads %s", (text, ms) => expect(parseLogTimestamp(text)).toBe(ms));

  it("refuses windows it cannot read, saying what to write", () => {
    expect(parseTimeWindow("2024-03-01T10:00:00Z/2024-03-01T10:30:00Z", "--incident")).toEqual({
      start: Date.UTC(2024, 2, 1, 10),
      end: Date.UTC(2024, 2, 1, 10, 30),
    });
    expect(() => parseTimeWindow("2024-03-01T10:00:00Z", "--incident")).toThrow(/--incident .* must be <start>\/<end>/);
    expect(() => parseTimeWindow("yesterday/today", "--baseline")).toThrow(/--baseline .* not ISO 8601/);
    expect(() => parseTimeWindow("2024-03-01T11:00:00Z/2024-03-01T10:00:00Z", "--incident")).toThrow(
      /ends before it starts/,
    );
  });
});

describe("triageIncident at scale", () => {
  it("takes half a million entries without overflowing the stack", () => {
    const occurrences: Occurrence[] = [];
    for (let i = 0; i < 500_000; i++) occurrences.push({ time: T0 + i * 100, pattern: i % 1000 === 0 ? "rare" : "steady" });
    for (let i = 0; i < 200; i++) occurrences.push({ time: T0 + 45_000_000 + i * 1000, pattern: "burst" });
    const findings = triageIncident({ occurrences, templates: new Map(), incident: { start: T0 + 45_000_000, end: T0 + 50_000_000 } });
    expect(findings.patterns[0]).toMatchObject({ id: "burst", new: true });
  });
});
