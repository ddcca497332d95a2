import { NAB_PROFILES, type CostMatrix } from "./cost-matrix";
import type { LabelledSeries } from "./labelled-series";
import { scoreProfile } from "./corpus-score";
import { normaliseScore } from "./normalise";
import { probationLength } from "./probation";
import { scaledSigmoid } from "./scaled-sigmoid";
import { IN_PROBATION, OUTSIDE_WINDOW, sweepSeries } from "./sweep";
import { optimiseThreshold, scoreAtThreshold, scoresByThreshold } from "./threshold-score";

const unit: CostMatrix = { tpWeight: 1, fpWeight: 1, fnWeight: 1 };
const minute = 60_000;

/** 100 rows one minute apart, no probation issues: windows given as row indexes. */
function series(windows: Array<[number, number]>, rows = 100): LabelledSeries {
  const timestamps = Array.from({ length: rows }, (_, i) => i * minute);
  return { name: "synthetic.csv", timestamps, windows: windows.map(([a, b]) => [timestamps[a], timestamps[b]] as const) };
}

function flags(rows: number, on: number[]): number[] {
  return Array.from({ length: rows }, (_, i) => (on.includes(i) ? 1 : 0));
}

describe("scaledSigmoid", () => {
  it("is ≈0.987 at the left edge, 0 at the right edge, -1 far after a window", () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.98661, 5);
    expect(scaledSigmoid(-0.5)).toBeCloseTo(0.84828, 5);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(3.5)).toBe(-1);
  });
});

describe("probationLength", () => {
  it("is 15% of the rows, capped at 750", () => {
    expect(probationLength(1000)).toBe(150);
    expect(probationLength(4033)).toBe(604);
    expect(probationLength(22695)).toBe(750);
  });
});

describe("sweep and threshold scoring", () => {
  const s = series([[40, 49]]);

  it("counts a window once, by its earliest detection, scaled by position", () => {
    const swept = sweepSeries(s, flags(100, [40, 45, 49]), unit);
    const result = scoreAtThreshold([swept], unit, 0.5);
    expect(result.score).toBeCloseTo(1, 12); // the left edge earns the full tpWeight
    expect(result).toMatchObject({ tp: 3, fp: 0, fn: 7 });
    const late = scoreAtThreshold([sweepSeries(s, flags(100, [49]), unit)], unit, 0.5);
    expect(late.score).toBeCloseTo(scaledSigmoid(-1 / 10) / scaledSigmoid(-1), 12);
  });

  it("charges a missed window fnWeight and a false positive before any window the full fpWeight", () => {
    const missed = scoreAtThreshold([sweepSeries(s, flags(100, [30]), NAB_PROFILES.standard)], NAB_PROFILES.standard, 0.5);
    expect(missed.score).toBeCloseTo(-1 - 0.11, 12);
  });

  it("charges false positives after a window less the closer they are to it", () => {
    const near = scoreAtThreshold([sweepSeries(s, flags(100, [50]), unit)], unit, 0.5).score;
    const far = scoreAtThreshold([sweepSeries(s, flags(100, [90]), unit)], unit, 0.5).score;
    expect(near).toBeCloseTo(-1 + scaledSigmoid(1 / 9), 12);
    expect(far).toBeLessThan(near);
  });

  it("ignores detections and windows' rows inside the probation period", () => {
    const swept = sweepSeries(s, flags(100, [3]), unit);
    expect(swept.role[3]).toBe(IN_PROBATION);
    expect(swept.role[20]).toBe(OUTSIDE_WINDOW);
    expect(scoreAtThreshold([swept], unit, 0.5).score).toBe(-1);
  });

  it("sweeps thresholds consistently with scoring at each threshold", () => {
    const scores = Array.from({ length: 100 }, (_, i) => ((i * 37) % 101) / 101);
    const swept = [sweepSeries(s, scores, NAB_PROFILES.standard), sweepSeries(series([[60, 70]]), scores.slice().reverse(), NAB_PROFILES.standard)];
    for (const row of scoresByThreshold(swept, NAB_PROFILES.standard)) {
      expect(row.score).toBeCloseTo(scoreAtThreshold(swept, NAB_PROFILES.standard, row.threshold).score, 9);
    }
    const best = optimiseThreshold(swept, NAB_PROFILES.standard);
    expect(best.score).toBe(Math.max(...scoresByThreshold(swept, NAB_PROFILES.standard).map((r) => r.score)));
  });

  it("rejects a window edge that is not a row timestamp", () => {
    const bad: LabelledSeries = { ...s, windows: [[40 * minute + 1, 49 * minute]] };
    expect(() => sweepSeries(bad, flags(100, []), unit)).toThrow(/window start .* is not a row timestamp/);
  });
});

describe("normaliseScore", () => {
  it("maps the null detector to 0 and a perfect detector to 100", () => {
    expect(normaliseScore(-116, 116, NAB_PROFILES.standard)).toBe(0);
    expect(normaliseScore(116, 116, NAB_PROFILES.standard)).toBe(100);
    expect(normaliseScore(-232, 116, NAB_PROFILES.reward_low_FN_rate)).toBe(0);
  });

  it("counts a window inside the probation period in the perfect score but not in the null score, as NAB's runner does", () => {
    // 1000 rows (probation 150): one window inside the probation period, one after it.
    const s = series([[10, 20], [500, 510]], 1000);
    const none = scoreProfile({ series: [s], anomalyScores: [new Array(1000).fill(0)] }, "standard", 0.5);
    expect(none.raw.score).toBe(-1);
    expect(none.normalised).toBe(0);
    const leftEdge = scoreProfile({ series: [s], anomalyScores: [flags(1000, [500])] }, "standard", 0.5);
    expect(leftEdge.normalised).toBeCloseTo((100 * (1 + 1)) / (2 + 1), 9);
  });
});
