import * as fs from "node:fs";
import * as path from "node:path";
import { benchDataPath } from "../bench-data";
import { PROFILE_NAMES, type ProfileName } from "../nab/cost-matrix";
import { loadNabCorpus, readPublishedScores } from "../nab/corpus";
import { scoreAllProfiles } from "../nab/corpus-score";
import type { BenchSuite } from "../run";

type Thresholds = Record<string, Record<ProfileName, { threshold: number; score: number }>>;

/** NAB's published normalised scores of the Numenta HTM detector (results/final_results.json, README). */
const PUBLISHED_NORMALISED: Readonly<Record<ProfileName, string>> = { standard: "70.10", reward_low_FP_rate: "63.12", reward_low_FN_rate: "74.32" };
/** The totals row of results/numenta/numenta_standard_scores.csv. */
const PUBLISHED_STANDARD_COUNTS = { tp: 240, tn: 299194, fp: 153, fn: 33255 };

const suite: BenchSuite = {
  name: "nab-scorer",
  description:
    "ICNA's NAB scorer against NAB's own results on the whole corpus: re-scoring the published Numenta HTM anomaly scores with NAB's committed thresholds must give NAB's published scores; the run fails when it does not.",
  async run() {
    const root = benchDataPath("nab");
    const series = loadNabCorpus(root);
    const windows = series.reduce((n, s) => n + s.windows.length, 0);
    const anomalyScores = series.map((s) => readPublishedScores(root, "numenta", s.name));
    const committed = (JSON.parse(fs.readFileSync(path.join(root, "config", "thresholds.json"), "utf8")) as Thresholds).numenta;
    const atCommitted = scoreAllProfiles({ series, anomalyScores }, Object.fromEntries(PROFILE_NAMES.map((p) => [p, committed[p].threshold])));
    const optimised = scoreAllProfiles({ series, anomalyScores });

    const mismatches: string[] = [];
    if (series.length !== 58 || windows !== 116) mismatches.push(`corpus has ${series.length} series and ${windows} windows, NAB has 58 and 116`);
    const rows = PROFILE_NAMES.map((profile, i) => {
      const ours = atCommitted[i];
      const normalised = ours.normalised.toFixed(2);
      if (normalised !== PUBLISHED_NORMALISED[profile]) mismatches.push(`${profile}: normalised ${normalised}, NAB publishes ${PUBLISHED_NORMALISED[profile]}`);
      if (Math.abs(ours.raw.score - committed[profile].score) > 1e-9) mismatches.push(`${profile}: raw ${ours.raw.score}, NAB's thresholds.json has ${committed[profile].score}`);
      if (optimised[i].raw.score < committed[profile].score - 1e-9) mismatches.push(`${profile}: the optimised threshold scores ${optimised[i].raw.score}, below NAB's committed one`);
      return `| ${profile} | ${committed[profile].threshold.toFixed(4)} | ${ours.raw.score.toFixed(4)} | ${committed[profile].score.toFixed(4)} | ${normalised} | ${PUBLISHED_NORMALISED[profile]} | ${optimised[i].raw.score.toFixed(4)} |`;
    });
    const standard = atCommitted[PROFILE_NAMES.indexOf("standard")].raw;
    const counts = { tp: standard.tp, tn: standard.tn, fp: standard.fp, fn: standard.fn };
    if (JSON.stringify(counts) !== JSON.stringify(PUBLISHED_STANDARD_COUNTS)) mismatches.push(`standard row counts ${JSON.stringify(counts)}, NAB's score table has ${JSON.stringify(PUBLISHED_STANDARD_COUNTS)}`);
    if (mismatches.length > 0) throw new Error(`the NAB scorer does not reproduce NAB's results: ${mismatches.join("; ")}`);

    return [
      `Corpus: ${series.length} series, ${windows} windows (the data directory's nab/).`,
      "",
      "| Profile | NAB threshold | Raw score (ICNA scorer) | Raw score (NAB) | Normalised (ICNA scorer) | Normalised (NAB) | Raw score at ICNA's optimised threshold |",
      "|---|---:|---:|---:|---:|---:|---:|",
      ...rows,
      "",
      `Standard profile rows: TP ${counts.tp}, TN ${counts.tn}, FP ${counts.fp}, FN ${counts.fn} (NAB's score table: the same).`,
      "",
    ].join("\n");
  },
};

export default suite;
