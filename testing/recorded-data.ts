import * as fs from "node:fs";
import * as path from "node:path";

/** The excerpts of public corpora committed in testing/data (source, licence and derivation in its README). */
export type RecordedData =
  | "nyc_taxi-last-3-weeks.csv"
  | "nyc_taxi-6h-sums.csv"
  | "ec2_request_latency_system_failure-first-2083.csv"
  | "nasa_http_1995-last-10-days-5min-sums.csv"
  | "nab-numenta"
  | "nginx-upstream-outage-error.log";

/** The path of a committed excerpt: tests read these, never `../shared/` (a clone has none). */
export function recordedDataPath(name: RecordedData): string {
  return path.join(__dirname, "data", name);
}

/** The second column of a committed `timestamp,value` excerpt, header skipped. */
export function recordedValues(name: RecordedData): number[] {
  return fs
    .readFileSync(recordedDataPath(name), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => Number(line.split(",")[1]));
}
