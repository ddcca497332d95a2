import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProfileName } from "./cost-matrix";

/** NAB's detectors that run on plain Python, shown beside ICNA: [label, NAB detector name]. */
export const NAB_PEERS: ReadonlyArray<readonly [string, string]> = [
  ["NAB windowed Gaussian", "windowedGaussian"],
  ["NAB CAD OSE", "contextOSE"],
  ["NAB relative entropy", "relativeEntropy"],
  ["NAB Bayes changepoint", "bayesChangePt"],
];

/** Normalised scores per NAB detector and profile, as NAB's `final_results.json` holds them. */
export type FinalResults = Record<string, Record<ProfileName, number>>;

/** A peer run: NAB's own scores (its per-series result files are under `<cacheDir>/results/<detector>/…`, for `readPublishedScores`). */
export interface PeerRun {
  readonly finalResults: FinalResults;
  /** Whether the results came from the cache (same corpus digest) rather than a run now. */
  readonly cached: boolean;
  /** Wall-clock seconds of the run that produced them (as recorded when they were produced). */
  readonly seconds: number;
}

/** SHA-256 of a NAB-layout corpus: its windows file and every data file, by relative path. */
export function corpusDigest(corpusRoot: string): string {
  const hash = crypto.createHash("sha256");
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .sort();
  for (const file of [path.join(corpusRoot, "labels", "combined_windows.json"), ...files(path.join(corpusRoot, "data"))]) {
    hash.update(path.relative(corpusRoot, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** The Python that runs NAB's tool: `ICNA_NAB_PYTHON`, else the system one (it has pandas from apt), else `python3`. */
function python(): string {
  return process.env.ICNA_NAB_PYTHON ?? (fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
}

/**
 * NAB's Python peers on a NAB-layout corpus (`--detect --optimize --score --normalize`, one process), through
 * `<toolDir>/run.py`. Results are cached in `cacheDir` with the corpus digest: a corpus that has not changed is
 * not run again (CAD OSE alone takes tens of minutes on a shared core).
 */
export function runNabPeers(corpusRoot: string, cacheDir: string, toolDir: string, peers: readonly string[] = NAB_PEERS.map(([, name]) => name)): PeerRun {
  const digest = `${corpusDigest(corpusRoot)} ${peers.join(",")}`;
  const digestFile = path.join(cacheDir, "corpus.sha256");
  const finalFile = path.join(cacheDir, "results", "final_results.json");
  const secondsFile = path.join(cacheDir, "seconds");
  if (fs.existsSync(digestFile) && fs.readFileSync(digestFile, "utf8").trim() === digest && fs.existsSync(finalFile)) {
    const seconds = fs.existsSync(secondsFile) ? Number(fs.readFileSync(secondsFile, "utf8")) : Number.NaN;
    return { finalResults: JSON.parse(fs.readFileSync(finalFile, "utf8")) as FinalResults, cached: true, seconds };
  }
  if (process.env.ICNA_NAB_PEERS === "cached") throw new Error(`no cached NAB peer results for ${corpusRoot} in ${cacheDir} (ICNA_NAB_PEERS=cached): run without it to produce them`);
  if (!fs.existsSync(path.join(toolDir, "run.py"))) throw new Error(`NAB's Python tool not found at ${toolDir} (run.py): point npm run bench -- --data <dir> at a data folder with ../tools/nab-python beside it`);
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const thresholds = path.join(cacheDir, "thresholds.json");
  fs.copyFileSync(path.join(toolDir, "config", "thresholds.json"), thresholds);
  const detectors = ["null", ...peers].join(",");
  const started = Date.now();
  const args = ["run.py", "-d", detectors, "--detect", "--optimize", "--score", "--normalize", "--skipConfirmation", "-n", "1"];
  args.push("--dataDir", path.join(corpusRoot, "data"), "--windowsFile", path.join(corpusRoot, "labels", "combined_windows.json"));
  args.push("--resultsDir", path.join(cacheDir, "results"), "-t", thresholds);
  execFileSync(python(), args, { cwd: toolDir, stdio: ["ignore", fs.openSync(path.join(cacheDir, "run.log"), "w"), "inherit"] });
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(secondsFile, String(seconds));
  fs.writeFileSync(digestFile, digest + "\n");
  return { finalResults: JSON.parse(fs.readFileSync(finalFile, "utf8")) as FinalResults, cached: false, seconds };
}
