import * as fs from "node:fs";
import * as path from "node:path";
import { BenchDataMissingError, benchDataDir } from "../bench-data";

/** The shared data folder (the given one, or the benchmark data directory), checked to exist with a message that says how to point at it. */
export function sharedDataRoot(given?: string): string {
  const root = given === undefined ? benchDataDir() : path.resolve(given);
  if (!fs.existsSync(root)) {
    throw new BenchDataMissingError(
      `shared data folder ${root} not found: the anomaly benchmarks read NAB, the KPI corpus and the traffic traces from it; pass its path or run npm run bench -- --data <dir>`,
    );
  }
  return root;
}
