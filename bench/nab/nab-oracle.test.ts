import * as fs from "node:fs";
import * as path from "node:path";
import { recordedDataPath } from "../../testing/recorded-data";
import { PROFILE_NAMES, type ProfileName } from "./cost-matrix";
import { readNabCsv } from "./corpus";
import { scoreProfile } from "./corpus-score";
import type { LabelledSeries } from "./labelled-series";
import { parseNabTimestamp } from "./nab-timestamp";

// NAB's own per-file score tables for the Numenta HTM detector on two series (testing/data/nab-numenta):
// re-scoring its published anomaly scores must reproduce every row. The whole-corpus oracle
// (70.10 / 63.12 / 74.32 normalised) needs all 58 series: `npm run bench -- nab-scorer`.
const DIR = recordedDataPath("nab-numenta");
const windows = JSON.parse(fs.readFileSync(path.join(DIR, "windows.json"), "utf8")) as Record<string, string[][]>;
const thresholds = JSON.parse(fs.readFileSync(path.join(DIR, "thresholds.json"), "utf8")) as Record<ProfileName, { threshold: number }>;
const published = fs
  .readFileSync(path.join(DIR, "published-scores.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [, profile, file, threshold, score, tp, tn, fp, fn] = line.split(",");
    return { profile: profile as ProfileName, file, threshold: Number(threshold), score: Number(score), counts: { tp: Number(tp), tn: Number(tn), fp: Number(fp), fn: Number(fn) } };
  });

function seriesOf(name: string): { series: LabelledSeries; anomalyScores: number[] } {
  const [category, file] = name.split("/");
  const { timestamps, columns } = readNabCsv(path.join(DIR, category, `numenta_${file}`), ["anomaly_score"]);
  const series = { name, timestamps, windows: windows[name].map(([start, end]) => [parseNabTimestamp(start), parseNabTimestamp(end)] as const) };
  return { series, anomalyScores: columns[0] };
}

describe("NAB scorer against NAB's published per-file scores of the Numenta HTM detector", () => {
  const names = Object.keys(windows).sort();
  const loaded = names.map(seriesOf);

  it("holds the rows of all three profiles for both series, at the committed thresholds", () => {
    expect(published.map((row) => `${row.profile} ${row.file}`).sort()).toEqual(PROFILE_NAMES.flatMap((p) => names.map((n) => `${p} ${n}`)).sort());
    for (const row of published) expect(row.threshold).toBeCloseTo(thresholds[row.profile].threshold, 10);
  });

  it.each(published.map((row) => [row.profile, row.file, row] as const))("reproduces the %s score and row counts of %s", (profile, file, row) => {
    const { series, anomalyScores } = seriesOf(file);
    const result = scoreProfile({ series: [series], anomalyScores: [anomalyScores] }, profile, thresholds[profile].threshold);
    expect(result.raw.score).toBeCloseTo(row.score, 9);
    expect({ tp: result.raw.tp, tn: result.raw.tn, fp: result.raw.fp, fn: result.raw.fn }).toEqual(row.counts);
  });

  it("finds an optimum over both series at least as good as the committed threshold on every profile", () => {
    const run = { series: loaded.map((l) => l.series), anomalyScores: loaded.map((l) => l.anomalyScores) };
    for (const profile of PROFILE_NAMES) {
      const atCommitted = published.filter((row) => row.profile === profile).reduce((sum, row) => sum + row.score, 0);
      expect(scoreProfile(run, profile).raw.score).toBeGreaterThanOrEqual(atCommitted - 1e-9);
    }
  });
});
