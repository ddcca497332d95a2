import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { ChangepointDetector, CHANGEPOINT_DEFAULTS } from "../../runtime/detection/detectors/changepoint";
import { ENSEMBLE_DEFAULTS, type EnsembleOptions } from "../../runtime/detection/ensemble";
import { PROFILE_NAMES, type ProfileName } from "../nab/cost-matrix";
import { loadNabCorpus, readPublishedScores, type NabSeries } from "../nab/corpus";
import { scoreAllProfiles } from "../nab/corpus-score";
import { chooseCandidate, ENSEMBLE_CANDIDATES } from "../nab/ensemble-candidates";
import { ensembleScores } from "../nab/ensemble-scores";
import { readKpiCorpus } from "../nab/kpi-corpus";
import { writeNabLayout } from "../nab/nab-layout";
import { corpusDigest, NAB_PEERS, runNabPeers, type FinalResults } from "../nab/nab-peers";
import { sharedDataRoot } from "../nab/shared-root";
import { buildTrafficIncidentCorpus } from "../nab/traffic-incidents";
import type { BenchSuite } from "../run";

/** Generated corpora and cached peer results (gitignored). */
const CACHE = path.resolve(__dirname, "..", ".cache", "anomaly");

/** One labelled corpus in NAB layout, and where NAB's peers' scores come from. */
interface Corpus {
  readonly name: string;
  readonly root: string;
  readonly description: string;
  /** Peers whose scores are taken from NAB's published `final_results.json` instead of a run here. */
  readonly published?: readonly string[];
}

function corpora(shared: string): Corpus[] {
  const kpi = writeNabLayout(path.join(CACHE, "corpora", "kpi"), readKpiCorpus(path.join(shared, "anomaly-kpi")));
  const incidents = writeNabLayout(path.join(CACHE, "corpora", "incidents"), buildTrafficIncidentCorpus(path.join(shared, "traffic")));
  return [
    { name: "NAB", root: path.join(shared, "nab"), description: "Numenta Anomaly Benchmark v1.1: 58 series, 116 windows", published: NAB_PEERS.map(([, name]) => name) },
    { name: "KPI", root: kpi, description: "web-service KPIs (WSD, ../shared/data/anomaly-kpi): the first 7 days of all 26 series, windows by NAB's rule from the point labels" },
    { name: "incidents", root: incidents, description: "incidents injected into the NASA-HTTP and World Cup 98 traces (13 series, seed 20261207), windows by NAB's rule from the point labels" },
  ];
}

/**
 * NAB's published scores: `results/final_results.json`, and for detectors it lacks (Bayes changepoint) the
 * scoreboard of NAB's README (`| Bayesian Changepoint** | 17.7 | 3.2 | 32.2 |`).
 */
function publishedNabResults(nabRoot: string): FinalResults {
  const finals = JSON.parse(fs.readFileSync(path.join(nabRoot, "results", "final_results.json"), "utf8")) as FinalResults;
  const line = fs.readFileSync(path.join(nabRoot, "README.md"), "utf8").split("\n").find((l) => l.startsWith("| Bayesian Changepoint"));
  const cells = line?.split("|").slice(2, 5).map((c) => Number(c.trim()));
  if (cells === undefined || cells.some((c) => !Number.isFinite(c))) throw new Error(`${nabRoot}/README.md: no "Bayesian Changepoint" row in the scoreboard`);
  return { ...finals, bayesChangePt: { standard: cells[0], reward_low_FP_rate: cells[1], reward_low_FN_rate: cells[2] } };
}

/** A digest of the detector's own source (and the maths it imports), so a cached score never outlives a change to the detector. */
function detectorDigest(): string {
  const hash = crypto.createHash("sha256");
  for (const folder of ["detection", "math"]) {
    const dir = path.resolve(__dirname, "..", "..", "runtime", folder);
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest("hex");
}

/** ICNA's scores for one configuration on one corpus, cached by detector source, configuration and corpus digest (a rerun after a failed peer step is quick). */
function icnaScores(corpusRoot: string, series: readonly NabSeries[], options: EnsembleOptions): { byProfile: Record<ProfileName, number>; seconds: number } {
  const key = crypto.createHash("sha256").update(detectorDigest()).update(JSON.stringify(options)).update(corpusDigest(corpusRoot)).digest("hex").slice(0, 16);
  const file = path.join(CACHE, "icna", `${key}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as { byProfile: Record<ProfileName, number>; seconds: number };
  const started = process.hrtime.bigint();
  const anomalyScores = ensembleScores(series, options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const byProfile = Object.fromEntries(scoreAllProfiles({ series, anomalyScores }).map((r) => [r.profile, r.normalised])) as Record<ProfileName, number>;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ byProfile, seconds }));
  return { byProfile, seconds };
}

/** NAB's Bayes changepoint settings (bayes_changept_detector.py: hazard 1/250, 500 run lengths, the same prior). */
const NAB_CHANGEPOINT = { ...CHANGEPOINT_DEFAULTS, meanRunLength: 250, maxRunLength: 500 };

/** ICNA's changepoint detector alone, with NAB's settings: its raw statistic is NAB's anomaly score, so it must score as NAB's Bayes changepoint does. */
function changepointAloneStandard(series: readonly NabSeries[]): number {
  const anomalyScores = series.map((s) => {
    const detector = new ChangepointDetector(NAB_CHANGEPOINT);
    return s.values.map((v, i) => detector.update(s.timestamps[i], v).raw);
  });
  return scoreAllProfiles({ series, anomalyScores }).find((r) => r.profile === "standard")!.normalised;
}

const fmt = (x: number): string => x.toFixed(1);
const row = (label: string, byProfile: Readonly<Record<ProfileName, number>>): string => `| ${label} | ${PROFILE_NAMES.map((p) => fmt(byProfile[p])).join(" | ")} |`;

const suite: BenchSuite = {
  name: "anomaly",
  description:
    "ICNA's streaming anomaly ensemble on three labelled corpora (NAB, web-service KPIs, incidents injected into real traffic), in-corpus and leave-one-corpus-out, beside NAB's Python detectors; every detector scored by NAB's rules (threshold optimised corpus-wide per profile).",
  async run() {
    const shared = sharedDataRoot();
    const toolDir = path.resolve(shared, "..", "tools", "nab-python");
    const list = corpora(shared);
    const loaded = list.map((c) => loadNabCorpus(c.root));

    // Every candidate configuration on every corpus.
    const results = ENSEMBLE_CANDIDATES.map((candidate) => loaded.map((series, k) => icnaScores(list[k].root, series, candidate.options)));
    const standard = results.map((byCorpus) => Object.fromEntries(list.map((c, k) => [c.name, byCorpus[k].byProfile.standard])));
    const names = list.map((c) => c.name);
    const shippedChoice = chooseCandidate(standard, names);
    const shippedMatches = JSON.stringify(ENSEMBLE_CANDIDATES[shippedChoice].options) === JSON.stringify(ENSEMBLE_DEFAULTS);

    const out: string[] = [];
    const standardByDetector = new Map<string, string[]>();
    const addStandard = (label: string, score: number): void => void standardByDetector.set(label, [...(standardByDetector.get(label) ?? []), fmt(score)]);
    list.forEach((corpus, k) => {
      const held = chooseCandidate(standard, names.filter((n) => n !== corpus.name));
      const peerDir = path.join(CACHE, "peers", corpus.name.toLowerCase());
      const toRun = NAB_PEERS.map(([, name]) => name).filter((name) => !(corpus.published ?? []).includes(name));
      const peers = toRun.length > 0 ? runNabPeers(corpus.root, peerDir, toolDir, toRun) : undefined;
      const published = corpus.published === undefined ? {} : publishedNabResults(corpus.root);
      const finals: FinalResults = { ...published, ...peers?.finalResults };
      out.push(`### ${corpus.name}: ${corpus.description}`, "", `${loaded[k].length} series, ${loaded[k].reduce((n, s) => n + s.values.length, 0)} rows, ${loaded[k].reduce((n, s) => n + s.windows.length, 0)} windows.`, "");
      out.push(`| Detector | ${PROFILE_NAMES.join(" | ")} |`, "|---|---:|---:|---:|");
      out.push(row(`**ICNA in-corpus** (${ENSEMBLE_CANDIDATES[shippedChoice].name}; chosen on all three corpora)`, results[shippedChoice][k].byProfile));
      out.push(row(`**ICNA leave-one-corpus-out** (${ENSEMBLE_CANDIDATES[held].name}; chosen on ${names.filter((n) => n !== corpus.name).join(" + ")})`, results[held][k].byProfile));
      for (const [label, name] of NAB_PEERS) out.push(row(`${label}${corpus.published?.includes(name) ? " (NAB's published result)" : ""}`, finals[name]));
      addStandard("ICNA in-corpus", results[shippedChoice][k].byProfile.standard);
      addStandard("ICNA leave-one-corpus-out", results[held][k].byProfile.standard);
      for (const [label, name] of NAB_PEERS) addStandard(label, finals[name].standard);
      // bench/nab's scorer on the peers' own result files, at NAB's thresholds: must give NAB's scores.
      const agreement = (peers === undefined ? [] : toRun).map((name) => {
        const thresholds = (JSON.parse(fs.readFileSync(path.join(peerDir, "thresholds.json"), "utf8")) as Record<string, Record<ProfileName, { threshold: number }>>)[name];
        const anomalyScores = loaded[k].map((s) => readPublishedScores(peerDir, name, s.name));
        const ours = scoreAllProfiles({ series: loaded[k], anomalyScores }, Object.fromEntries(PROFILE_NAMES.map((p) => [p, thresholds[p].threshold])));
        return Math.max(...ours.map((r) => Math.abs(r.normalised - finals[name][r.profile])));
      });
      const alone = changepointAloneStandard(loaded[k]);
      out.push(
        "",
        `ICNA's changepoint detector alone with NAB's settings (hazard 1/250, 500 run lengths): standard ${fmt(alone)}; NAB's Bayes changepoint: ${fmt(finals.bayesChangePt.standard)}.`,
        "",
        peers === undefined
          ? `Peers: NAB's published results (results/final_results.json; Bayes changepoint from the scoreboard in NAB's README), produced by NAB's own code on this corpus. ICNA: ${results[shippedChoice][k].seconds.toFixed(1)} s.`
          : `Peers run by NAB's own code (../shared/tools/nab-python: detect, optimise, score, normalise)${peers.cached ? ", from the cache (same corpus digest)" : ""}: ${toRun.join(", ")} in ${Number.isNaN(peers.seconds) ? "(not recorded)" : `${Math.round(peers.seconds)} s`}. bench/nab's scorer on their result files at NAB's thresholds differs from NAB's scores by at most ${Math.max(...agreement).toFixed(4)} points. ICNA: ${results[shippedChoice][k].seconds.toFixed(1)} s.`,
        "",
      );
    });
    out.push("### Standard profile on every corpus", "", `| Detector | ${names.join(" | ")} |`, `|---|${names.map(() => "---:").join("|")}|`);
    for (const [label, scores] of standardByDetector) out.push(`| ${label} | ${scores.join(" | ")} |`);
    out.push("");
    out.push("### Every candidate configuration (standard profile)", "", `| Candidate | ${names.join(" | ")} | mean |`, `|---|${names.map(() => "---:").join("|")}|---:|`);
    ENSEMBLE_CANDIDATES.forEach((candidate, i) => {
      const scores = names.map((n) => standard[i][n]);
      out.push(`| ${candidate.name}${i === shippedChoice ? " (chosen on all three)" : ""} | ${scores.map(fmt).join(" | ")} | ${fmt(scores.reduce((a, b) => a + b, 0) / scores.length)} |`);
    });
    out.push("", shippedMatches ? "`ENSEMBLE_DEFAULTS` is the configuration chosen on all three corpora." : "**`ENSEMBLE_DEFAULTS` is not the configuration chosen on all three corpora: update it.**", "");
    return out.join("\n");
  },
};

export default suite;
