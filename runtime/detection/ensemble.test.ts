import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runDetect } from "../../cli/commands/detect";
import { CliError } from "../../cli/cli-error";
import { readSeriesRows } from "../forecast/series-csv";
import { detectSeries, explain } from "./detect-series";
import { AnomalyEnsemble, ENSEMBLE_DEFAULTS } from "./ensemble";

const FIVE_MINUTES = 300_000;

function series(n: number): number[] {
  let seed = 11;
  return Array.from({ length: n }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 288) + (((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5));
}

describe("AnomalyEnsemble", () => {
  it("is streaming: a point's score does not change when future points are added", () => {
    const values = series(1500);
    values[1200] += 30;
    const full = (() => {
      const e = new AnomalyEnsemble();
      return values.map((v, i) => e.update(i * FIVE_MINUTES, v).score);
    })();
    const prefix = (() => {
      const e = new AnomalyEnsemble();
      return values.slice(0, 1201).map((v, i) => e.update(i * FIVE_MINUTES, v).score);
    })();
    expect(prefix).toEqual(full.slice(0, 1201));
  });

  it("scores an injected spike as the most anomalous point, in [0, 1], and explains it", () => {
    const values = series(1500);
    values[1200] += 30;
    const e = new AnomalyEnsemble();
    const points = values.map((v, i) => e.update(i * FIVE_MINUTES, v));
    const scores = points.map((p) => p.score);
    expect(Math.max(...scores)).toBeLessThanOrEqual(1);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
    const afterWarmup = scores.slice(300);
    expect(300 + afterWarmup.indexOf(Math.max(...afterWarmup))).toBe(1200);
    expect(afterWarmup.filter((s) => s >= ENSEMBLE_DEFAULTS.rest.level)).toHaveLength(1);
    expect(points[1200].direction).toBe("up");
    expect(points[1200].expected!.high).toBeLessThan(values[1200]);
  });
});

describe("AnomalyEnsemble's new-extreme rule", () => {
  const PER_DAY = 288;
  const spikeAt = (index: number) => {
    const values = series(5 * PER_DAY);
    values[index] += 30;
    const e = new AnomalyEnsemble();
    return values.map((v, i) => e.update(i * FIVE_MINUTES, v))[index];
  };

  it("judges a one-minute series on its 5-minute mean, and says so", () => {
    const MINUTE = 60_000;
    const values = Array.from({ length: 4 * 1440 + 10 }, (_, i) => 50 + 10 * Math.sin((2 * Math.PI * i) / 1440) + (i >= 4 * 1440 ? 30 : 0));
    const e = new AnomalyEnsemble();
    const points = values.map((v, i) => e.update(i * MINUTE, v));
    const flagged = points.findIndex((p) => p.detector === "range-novelty" && p.rawScore === 1);
    expect(flagged).toBeGreaterThanOrEqual(4 * 1440);
    expect(points[flagged].judged).toEqual({ what: "mean over 5m", value: expect.any(Number) });
    expect(points[flagged].judged!.value).toBeLessThan(values[flagged]);
    expect(explain(values[flagged], points[flagged])).toMatch(/^new extreme: 80\.\d+ \(mean over 5m 6\d\.\d+\) above expectation \(expected 40\.0+…60\.0+\), by range-novelty, continuing an episode already reported$/);
  });

  it("waits for three days of the series before a record alone scores 1", () => {
    expect(spikeAt(2 * PER_DAY + 100).detector).not.toBe("range-novelty");
    expect(spikeAt(3 * PER_DAY + 100)).toMatchObject({ detector: "range-novelty", kind: "new extreme", score: 1, direction: "up" });
  });
});

describe("AnomalyEnsemble's changepoint member", () => {
  it("flags a level shift that stays inside the range seen, and explains it as a change point", () => {
    let seed = 5;
    const noise = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
    // An early excursion to 80 widens the range, so the later shift to 65 is no new extreme.
    const values = [...Array.from({ length: 1500 }, (_, i) => (i >= 100 && i < 120 ? 80 : 50) + noise()), ...Array.from({ length: 30 }, () => 65 + noise())];
    const scores = (options: typeof ENSEMBLE_DEFAULTS) => {
      const e = new AnomalyEnsemble(options);
      return values.map((v, i) => e.update(i * FIVE_MINUTES, v));
    };
    const withMember = scores(ENSEMBLE_DEFAULTS).slice(1500);
    const flagged = withMember.slice(0, 3).find((p) => p.detector === "changepoint" && p.score > 0.6);
    expect(flagged).toBeDefined();
    expect(flagged!.score).toBeLessThanOrEqual(ENSEMBLE_DEFAULTS.changepoint!.weight);
    expect(flagged!).toMatchObject({ kind: "change point", direction: "up" });
    expect(flagged!.expected!.high).toBeLessThan(65);
    const without = scores({ ...ENSEMBLE_DEFAULTS, changepoint: undefined }).slice(1500, 1503);
    expect(Math.max(...without.map((p) => p.score))).toBeLessThan(0.3);
  });
});

describe("icna detect", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-detect-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints one score per input row, in input order, with a reason", async () => {
    const values = series(600);
    values[500] = 200;
    const file = path.join(dir, "ok.csv");
    fs.writeFileSync(file, "timestamp,value\n" + values.map((v, i) => `${new Date(Date.UTC(2024, 0, 1) + i * FIVE_MINUTES).toISOString()},${v}`).join("\n") + "\n");
    const { scores } = await runDetect({ input: file });
    expect(scores).toHaveLength(600);
    expect(scores[0].timestamp).toBe("2024-01-01T00:00:00.000Z");
    expect(scores[500].value).toBe(200);
    expect(scores[500].score).toBeGreaterThan(0.5);
    expect(scores[500].reason).toMatch(/above expectation \(expected .*\), by /);
  });

  it("names the bad line, like icna forecast", async () => {
    const file = path.join(dir, "bad.csv");
    fs.writeFileSync(file, "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,abc\n");
    await expect(runDetect({ input: file })).rejects.toThrow(new CliError(`${file}:4: value \`abc\` is not a finite number; leave the cell empty to mark a gap`, 2));
  });

  it("scores repeated timestamps row by row and skips empty cells as gaps; CRLF reads as LF", () => {
    const values = series(600);
    const rows = values.map((v, i) => `${new Date(Date.UTC(2024, 0, 1) + i * FIVE_MINUTES).toISOString()},${v}`);
    rows.splice(400, 0, rows[399], rows[399]); // an exporter writing one row three times
    rows[450] = rows[450].replace(/,.*$/, ",");
    const read = readSeriesRows("timestamp,value\n" + rows.join("\n") + "\n", "repeats.csv");
    expect(read).toMatchObject({ repeatedRows: 2, emptyValues: 1 });
    const scores = detectSeries(read);
    expect(scores).toHaveLength(601);
    expect(scores[400].timestamp).toBe(scores[399].timestamp);
    expect(detectSeries(readSeriesRows("timestamp,value\r\n" + rows.join("\r\n") + "\r\n", "repeats.csv"))).toEqual(scores);
  });

  it("says which file it cannot read", async () => {
    await expect(runDetect({ input: path.join(dir, "missing.csv") })).rejects.toThrow(/cannot read --input .*missing\.csv: ENOENT/);
  });
});
