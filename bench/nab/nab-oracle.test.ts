import * as fs from "node:fs";
import * as path from "node:path";
import { PROFILE_NAMES, type ProfileName } from "./cost-matrix";
import { loadNabCorpus, readPublishedScores } from "./corpus";
import { scoreAllProfiles } from "./corpus-score";
import { NAB_ROOT } from "./shared-root";

type Thresholds = Record<string, Record<ProfileName, { threshold: number; score: number }>>;

describe("NAB scorer against the published Numenta HTM results", () => {
  const series = loadNabCorpus(NAB_ROOT);
  const anomalyScores = series.map((s) => readPublishedScores(NAB_ROOT, "numenta", s.name));
  const committed = (JSON.parse(fs.readFileSync(path.join(NAB_ROOT, "config", "thresholds.json"), "utf8")) as Thresholds).numenta;

  it("reads the whole corpus: 58 series, 116 windows", () => {
    expect(series).toHaveLength(58);
    expect(series.reduce((n, s) => n + s.windows.length, 0)).toBe(116);
  });

  it("reproduces 70.10 / 63.12 / 74.32 with the committed thresholds, and the raw scores and counts of the score tables", () => {
    const thresholds = Object.fromEntries(PROFILE_NAMES.map((p) => [p, committed[p].threshold]));
    const results = scoreAllProfiles({ series, anomalyScores }, thresholds);
    const byProfile = Object.fromEntries(results.map((r) => [r.profile, r]));
    expect(byProfile.standard.normalised.toFixed(2)).toBe("70.10");
    expect(byProfile.reward_low_FP_rate.normalised.toFixed(2)).toBe("63.12");
    expect(byProfile.reward_low_FN_rate.normalised.toFixed(2)).toBe("74.32");
    for (const profile of PROFILE_NAMES) expect(byProfile[profile].raw.score).toBeCloseTo(committed[profile].score, 9);
    // Totals row of results/numenta/numenta_standard_scores.csv.
    expect(byProfile.standard.raw).toMatchObject({ tp: 240, tn: 299194, fp: 153, fn: 33255 });
  });

  it("finds a corpus-wide optimum at least as good as the committed threshold on every profile", () => {
    for (const result of scoreAllProfiles({ series, anomalyScores })) {
      expect(result.raw.score).toBeGreaterThanOrEqual(committed[result.profile].score - 1e-9);
    }
  });
});
