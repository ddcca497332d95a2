import { ChangepointDetector, CHANGEPOINT_DEFAULTS } from "./detectors/changepoint";
import { ContextNoveltyDetector } from "./detectors/context-novelty";
import { PointWindowMean, TimeWindowMean } from "./recent-mean";
import { DailyProfileDetector } from "./detectors/daily-profile";
import { LevelShiftDetector } from "./detectors/level-shift";
import { RangeNoveltyDetector } from "./detectors/range-novelty";
import { SeasonalResidualDetector } from "./detectors/seasonal-residual";
import type { StreamingDetector } from "./detector";

const FIVE_MINUTES = 300_000;
const PER_DAY = 288;

/** A deterministic daily-seasonal series with pseudo-random noise (no Math.random: tests must be repeatable). */
function dailySeries(days: number, noise = 1): number[] {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  return Array.from({ length: days * PER_DAY }, (_, i) => 100 + 30 * Math.sin((2 * Math.PI * i) / PER_DAY) + noise * rand());
}

function run(detector: StreamingDetector, values: number[]): number[] {
  return values.map((v, i) => detector.update(i * FIVE_MINUTES, v).raw);
}

function maxIn(raw: number[], from: number, to: number): number {
  return Math.max(...raw.slice(from, to));
}

describe("SeasonalResidualDetector", () => {
  it("flags a spike far above the learned daily shape, not the shape itself", () => {
    const values = dailySeries(6);
    const spikeAt = 5 * PER_DAY + 100;
    values[spikeAt] += 40;
    const raw = run(new SeasonalResidualDetector(), values);
    expect(raw[spikeAt]).toBeGreaterThan(5);
    expect(maxIn(raw, 3 * PER_DAY, spikeAt)).toBeLessThan(raw[spikeAt] / 2);
  });

  it("gives an expected band around the expected value", () => {
    const detector = new SeasonalResidualDetector();
    const values = dailySeries(4);
    values.forEach((v, i) => detector.update(i * FIVE_MINUTES, v));
    const next = detector.update(values.length * FIVE_MINUTES, 100);
    expect(next.expected!.low).toBeLessThan(100);
    expect(next.expected!.high).toBeGreaterThan(100);
  });
});

describe("LevelShiftDetector", () => {
  it("scores a sustained shift higher than any noise before it", () => {
    const values = dailySeries(3, 4).map((v, i) => v - 30 * Math.sin((2 * Math.PI * i) / PER_DAY));
    const shiftAt = 2 * PER_DAY;
    for (let i = shiftAt; i < values.length; i++) values[i] += 10;
    const raw = run(new LevelShiftDetector(), values);
    expect(maxIn(raw, shiftAt, shiftAt + 10)).toBeGreaterThan(2 * maxIn(raw, 100, shiftAt));
  });
});

describe("RangeNoveltyDetector", () => {
  it("is 0 inside the past range and grows with the distance beyond it", () => {
    const detector = new RangeNoveltyDetector({ warmup: 5 });
    for (let i = 0; i < 10; i++) detector.update(i, i % 2 === 0 ? 0 : 10);
    expect(detector.update(10, 5).raw).toBe(0);
    expect(detector.update(11, 15).raw).toBeCloseTo(0.5);
    expect(detector.update(12, -15).raw).toBeCloseTo(1);
  });

  it("judges records on the mean of the last five minutes when asked, whatever the step", () => {
    const MINUTE = 60_000;
    const times = Array.from({ length: 400 }, (_, i) => i * MINUTE + (i > 200 ? 3 * MINUTE : 0)); // a 4-minute gap
    const values = times.map((_, i) => 50 + 10 * Math.sin(i / 30) + (i % 97 === 0 ? 30 : 0));
    const averaged = new RangeNoveltyDetector({ warmup: 20, averageOverMs: 5 * MINUTE });
    const onMeans = new RangeNoveltyDetector({ warmup: 20 });
    times.forEach((t, i) => {
      const recent = values.filter((_, j) => j <= i && times[j] > t - 5 * MINUTE);
      const mean = recent.reduce((a, b) => a + b, 0) / recent.length;
      expect(averaged.update(t, values[i]).raw).toBeCloseTo(onMeans.update(t, mean).raw, 9);
    });
  });

  it("reads a five-minute series' own values when averaging over five minutes", () => {
    const values = Array.from({ length: 200 }, (_, i) => Math.sin(i / 7) * 10 + (i === 150 ? 40 : 0));
    const raw = new RangeNoveltyDetector({ warmup: 5 });
    const averaged = new RangeNoveltyDetector({ warmup: 5, averageOverMs: 300_000 });
    values.forEach((v, i) => expect(averaged.update(i * 300_000, v).raw).toBeCloseTo(raw.update(i * 300_000, v).raw, 9));
  });
});

describe("DailyProfileDetector", () => {
  it("notices a missing daily peak that stays inside the usual range", () => {
    const values = dailySeries(6);
    const day = 5 * PER_DAY;
    for (let i = day + 50; i < day + 100; i++) values[i] = 100; // flat where the day usually rises
    const raw = run(new DailyProfileDetector(), values);
    expect(maxIn(raw, day + 50, day + 100)).toBeGreaterThan(3 * maxIn(raw, 4 * PER_DAY, day + 50));
  });
});

describe("ContextNoveltyDetector", () => {
  it("learns a repeating pattern, then flags a known value arriving out of order", () => {
    const detector = new ContextNoveltyDetector({ warmup: 20, levels: 4, maxOrder: 3 });
    const cycle = [0, 10, 20, 30];
    const raw = Array.from({ length: 60 }, (_, i) => detector.update(i, cycle[i % 4]).raw);
    expect(Math.max(...raw.slice(24))).toBe(0);
    expect(detector.update(60, 20).raw).toBeGreaterThan(0.5); // 0 → 20 skips 10: every context says "never after this"
    expect(detector.update(61, 30).raw).toBe(0); // 20 → 30 is known; the longer context 0, 20 was never seen, so it has no say
  });

  it("scores a level never reached before as entirely novel", () => {
    const detector = new ContextNoveltyDetector({ warmup: 10, levels: 4, maxOrder: 3 });
    for (let i = 0; i < 30; i++) detector.update(i, i % 2 === 0 ? 0 : 8);
    expect(detector.update(30, 100).raw).toBe(1);
  });

  it("on a smoothed series, sees a sustained change made of familiar values and familiar steps", () => {
    let seed = 7;
    const noise = Array.from({ length: 400 }, () => 2 * ((seed = (seed * 16807) % 2147483647) % 5)); // 0, 2, 4, 6 or 8 at random
    const highOnly = Array.from({ length: 12 }, () => 8); // the value and the step 8 → 8 are familiar, a run of them is not
    const novelty = (averageOver: number): number => {
      const detector = new ContextNoveltyDetector({ warmup: 100, levels: 4, maxOrder: 1, averageOver });
      noise.forEach((v, i) => detector.update(i, v));
      return Math.max(...highOnly.map((v, i) => detector.update(400 + i, v).raw));
    };
    expect(novelty(1)).toBe(0);
    expect(novelty(4)).toBeGreaterThan(0);
  });

  it("takes noise just past the warm-up range for its edge bins, and anything further for a new level", () => {
    const detector = new ContextNoveltyDetector({ warmup: 10, levels: 4, maxOrder: 3, edgeTolerance: 0.5 });
    for (let i = 0; i < 30; i++) detector.update(i, i % 2 === 0 ? 0 : 8); // bins 2 wide, ends on an 8
    expect(detector.update(30, -0.9).raw).toBe(0); // 0.45 bin below the bottom, after an 8 as usual
    expect(detector.update(31, 8).raw).toBe(0);
    expect(detector.update(32, -1.2).raw).toBe(1); // 0.6 bin below the bottom
  });

  it("with time-of-day buckets, flags a usual level at an unusual hour", () => {
    const HOUR = 3_600_000;
    const dayShape = (hour: number): number => (hour >= 8 && hour < 20 ? 100 : 10); // busy by day, quiet at night
    const run = (timeOfDayBuckets: number): number => {
      const detector = new ContextNoveltyDetector({ warmup: 48, levels: 4, maxOrder: 2, timeOfDayBuckets });
      for (let h = 0; h < 24 * 5; h++) detector.update(h * HOUR, dayShape(h % 24));
      return detector.update(24 * 5 * HOUR + 3 * HOUR, 100).raw; // the daytime level at 03:00
    };
    expect(run(0)).toBe(0); // without the hour, "10, 10, then 100" is just the morning
    expect(run(24)).toBe(1); // with it, no context has ever seen the daytime level at 03:00
  });
});

describe("recent means", () => {
  it("average the last points, or the values of the last span of time whatever the sampling", () => {
    const byPoints = new PointWindowMean(2);
    expect([1, 3, 5].map((v, i) => byPoints.add(i, v))).toEqual([1, 2, 4]);
    const byTime = new TimeWindowMean(10);
    expect([[0, 1], [5, 3], [10, 5], [30, 7]].map(([t, v]) => byTime.add(t, v))).toEqual([1, 2, 4, 7]);
  });
});

describe("ChangepointDetector", () => {
  const flatNoise = (n: number, level: number): number[] => dailySeries(1, 4).slice(0, n).map((v, i) => v - 30 * Math.sin((2 * Math.PI * i) / PER_DAY) - 100 + level);

  it("ends the run at a level shift, upwards, and stays quiet on the noise before it", () => {
    const values = [...flatNoise(250, 50), ...flatNoise(38, 80)];
    const detector = new ChangepointDetector();
    const readings = values.map((v, i) => detector.update(i * FIVE_MINUTES, v));
    const before = readings.slice(50, 250);
    expect(before.filter((r) => r.raw >= 0.5).length).toBeLessThanOrEqual(2);
    const at = readings.slice(250, 255);
    const fired = at.find((r) => r.raw >= 0.9);
    expect(fired).toBeDefined();
    expect(fired!.direction).toBe("up");
    expect(fired!.expected!.high).toBeLessThan(80);
    expect(fired!.expected!.low).toBeGreaterThan(20);
  });

  it("stays finite on a constant series and after an impossible jump", () => {
    const detector = new ChangepointDetector();
    const raws = [...Array(400).fill(7), 1e12, ...Array(50).fill(7)].map((v, i) => detector.update(i, v).raw);
    expect(raws.every(Number.isFinite)).toBe(true);
    expect(raws[400]).toBeGreaterThan(0.9);
  });

  it("tracks at most maxRunLength run lengths, so a long stable run costs the same per point", () => {
    const detector = new ChangepointDetector({ ...CHANGEPOINT_DEFAULTS, maxRunLength: 20 });
    const values = [...flatNoise(200, 10), ...flatNoise(20, 40)];
    const raws = values.map((v, i) => detector.update(i, v).raw);
    expect(Math.max(...raws.slice(200, 205))).toBeGreaterThan(0.9);
  });

  it("names the bad option", () => {
    expect(() => new ChangepointDetector({ ...CHANGEPOINT_DEFAULTS, meanRunLength: 1 })).toThrow(/changepoint.meanRunLength must be > 1/);
    expect(() => new ChangepointDetector({ ...CHANGEPOINT_DEFAULTS, maxRunLength: 2.5 })).toThrow(/changepoint.maxRunLength must be a positive integer/);
  });
});
