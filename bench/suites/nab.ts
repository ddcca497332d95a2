import * as fs from "node:fs";
import * as path from "node:path";
import { ENSEMBLE_DEFAULTS } from "../../runtime/detection/ensemble";
import { PROFILE_NAMES, type ProfileName } from "../nab/cost-matrix";
import { loadNabCorpus } from "../nab/corpus";
import { scoreAllProfiles } from "../nab/corpus-score";
import { ensembleScores } from "../nab/ensemble-scores";
import { benchDataPath } from "../bench-data";
import type { BenchSuite } from "../run";

/** Published detectors shown beside ICNA (names as in NAB's results/final_results.json). */
const PUBLISHED: ReadonlyArray<readonly [string, string]> = [
  ["ARTime", "ARTime"],
  ["Numenta HTM", "numenta"],
  ["CAD OSE", "contextOSE"],
  ["earthgecko Skyline", "earthgeckoSkyline"],
  ["KNN CAD", "knncad"],
  ["Relative Entropy", "relativeEntropy"],
  ["Random Cut Forest", "randomCutForest"],
  ["Twitter ADVec", "twitterADVec"],
  ["Windowed Gaussian", "windowedGaussian"],
];

const suite: BenchSuite = {
  name: "nab",
  description:
    "ICNA's streaming anomaly ensemble on all 58 NAB series with one configuration, scored by ICNA's NAB scorer (threshold optimised corpus-wide per profile, as NAB does), beside NAB's published scoreboard.",
  async run() {
    const nabRoot = benchDataPath("nab");
    const series = loadNabCorpus(nabRoot);
    const started = process.hrtime.bigint();
    const anomalyScores = ensembleScores(series, ENSEMBLE_DEFAULTS);
    const detectSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rows = series.reduce((n, s) => n + s.values.length, 0);
    const ours = scoreAllProfiles({ series, anomalyScores });
    const published = JSON.parse(fs.readFileSync(path.join(nabRoot, "results", "final_results.json"), "utf8")) as Record<string, Record<ProfileName, number>>;

    const header = `| Detector | ${PROFILE_NAMES.join(" | ")} |\n|---|---:|---:|---:|`;
    const icna = `| **ICNA ensemble** | ${ours.map((r) => `**${r.normalised.toFixed(1)}**`).join(" | ")} |`;
    const others = PUBLISHED.map(([label, key]) => `| ${label} | ${PROFILE_NAMES.map((p) => published[key][p].toFixed(1)).join(" | ")} |`);
    const detail = ours.map((r) => `| ${r.profile} | ${r.threshold.toFixed(4)} | ${r.raw.score.toFixed(2)} | ${r.raw.tp} | ${r.raw.fp} |`);
    return [
      header,
      icna,
      ...others,
      "",
      "| Profile | ICNA threshold | Raw score | TP rows | FP rows |",
      "|---|---:|---:|---:|---:|",
      ...detail,
      "",
      `Detection: ${rows} points in ${detectSeconds.toFixed(1)} s (${((detectSeconds / rows) * 1e6).toFixed(1)} µs/point), one core.`,
      "",
    ].join("\n");
  },
};

export default suite;
