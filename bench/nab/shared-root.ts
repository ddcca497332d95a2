import * as fs from "node:fs";
import * as path from "node:path";
import { benchDataDir } from "../bench-data";

/** The benchmark data directory (`npm run bench -- --data <dir>`, default `../shared/data`); `ICNA_SHARED_DATA` overrides it. */
export const SHARED_DATA_ROOT = process.env.ICNA_SHARED_DATA ? path.resolve(process.env.ICNA_SHARED_DATA) : benchDataDir();

/** `<shared data>/nab`: the NAB corpus. */
export const NAB_ROOT = path.join(SHARED_DATA_ROOT, "nab");

/** The shared data folder (the given one, or the default), checked to exist with a message that says how to point at it. */
export function sharedDataRoot(given?: string): string {
  const root = given === undefined ? SHARED_DATA_ROOT : path.resolve(given);
  if (!fs.existsSync(root)) {
    throw new Error(`shared data folder ${root} not found: the anomaly benchmarks read NAB, the KPI corpus and the traffic traces from it; pass its path or set ICNA_SHARED_DATA`);
  }
  return root;
}
