import * as fs from "node:fs";
import * as path from "node:path";

/** The environment variable `npm run bench -- --data <dir>` sets, so that suites and their helpers read one data root. */
export const BENCH_DATA_ENV = "ICNA_BENCH_DATA";

/** `../shared/data` beside the checkout: where the project's machines keep the public corpora. */
export const DEFAULT_BENCH_DATA_DIR = path.resolve(__dirname, "..", "..", "shared", "data");

/** How to get each corpus folder of the data directory when it is absent. */
const HOW_TO_GET: Readonly<Record<string, string>> = {
  nab: "git clone https://github.com/numenta/NAB <data dir>/nab (MIT licence; the figures were made at commit ea702d7)",
  traffic:
    "save the per-minute NASA-HTTP 1995 and WorldCup-98 request counts (minute,count) of github.com/PasanBhanu/time-series-forcasting-with-facebook-prophet-lstm-hybrid-model (CC BY 4.0) as <data dir>/traffic/nasa_http_1995_per_minute.csv and worldcup98_per_minute.csv",
  "anomaly-kpi": "convert the WSD series of github.com/alumik/AnoTransfer-data (real-world/) into <data dir>/anomaly-kpi/ as its README describes",
  loghub2k: "copy data/loghub_2k and data/loghub_2k_corrected of github.com/logpai/logparser into <data dir>/loghub2k/<System>/ (Loghub licence: research use, cite Loghub)",
};

/** The benchmark data directory: `--data <dir>`, or `../shared/data` beside the checkout. */
export function benchDataDir(): string {
  return path.resolve(process.env[BENCH_DATA_ENV] ?? DEFAULT_BENCH_DATA_DIR);
}

/** A corpus file or folder under the data directory; when it is absent, an error that says how to get it. */
export function benchDataPath(...segments: string[]): string {
  const dir = benchDataDir();
  const full = path.join(dir, ...segments);
  if (fs.existsSync(full)) return full;
  const corpus = segments[0] ?? "";
  const how = HOW_TO_GET[corpus] ?? `the corpora known here are ${Object.keys(HOW_TO_GET).join(", ")}`;
  throw new BenchDataMissingError(`${full} not found. The benchmarks read public corpora from ${dir} (another place: npm run bench -- --data <dir>). To get ${corpus}/: ${how}.`);
}

/** A benchmark corpus is not where the benchmarks look for it. */
export class BenchDataMissingError extends Error {
  override readonly name = "BenchDataMissingError";
}
