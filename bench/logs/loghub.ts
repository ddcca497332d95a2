import * as fs from "node:fs";
import * as path from "node:path";
import { benchDataPath } from "../bench-data";
import { csvRows } from "./csv-rows";

/** The eight Loghub-2k systems. */
export const LOGHUB_SYSTEMS = ["Apache", "BGL", "HDFS", "HPC", "Hadoop", "Spark", "Windows", "Zookeeper"] as const;
export type LoghubSystem = (typeof LOGHUB_SYSTEMS)[number];

/** Published grouping accuracy on the original ground truth (logparser READMEs, as quoted in the data's README). */
export const PUBLISHED_GA: Record<"Drain" | "Brain", Record<LoghubSystem, number>> = {
  Drain: {
    Apache: 1.0,
    BGL: 0.9625,
    HDFS: 0.9975,
    HPC: 0.887,
    Hadoop: 0.9475,
    Spark: 0.92,
    Windows: 0.997,
    Zookeeper: 0.9665,
  },
  Brain: {
    Apache: 1.0,
    BGL: 0.986,
    HDFS: 0.9975,
    HPC: 0.945,
    Hadoop: 0.949,
    Spark: 0.9975,
    Windows: 0.997,
    Zookeeper: 0.9875,
  },
};

/** One system's raw lines and ground truth (one event id and template per line). */
export interface LoghubSample {
  readonly system: LoghubSystem;
  readonly lines: string[];
  readonly events: string[];
  readonly templates: string[];
  /** The first field of each structured row (BGL: `-` for normal, else the alert category). */
  readonly labels: string[];
  /** The header's epoch-seconds field where the system has one (BGL `Timestamp`). */
  readonly epochs?: number[];
}

/** Reads one system; `corrected` picks the corrected ground truth (Khan et al. 2022). */
export function readLoghub(root: string, system: LoghubSystem, corrected = false): LoghubSample {
  const dir = path.join(root, system);
  const raw = fs.readFileSync(path.join(dir, `${system}_2k.log`), "utf8").split(/\r?\n/);
  if (raw[raw.length - 1] === "") raw.pop();
  const rows = csvRows(
    fs.readFileSync(path.join(dir, `${system}_2k.log_structured${corrected ? "_corrected" : ""}.csv`), "utf8"),
  );
  const header = rows[0];
  const body = rows.slice(1).filter((r) => r.length === header.length);
  if (body.length !== raw.length)
    throw new Error(`${system}: ${raw.length} raw lines but ${body.length} ground-truth rows`);
  const at = (name: string): number => header.indexOf(name);
  const timestamp = at("Timestamp");
  return {
    system,
    lines: raw,
    events: body.map((r) => r[at("EventId")]),
    templates: body.map((r) => r[at("EventTemplate")]),
    labels: body.map((r) => r[1]),
    ...(timestamp >= 0 ? { epochs: body.map((r) => Number(r[timestamp])) } : {}),
  };
}

/** The Loghub-2k folder of the benchmark data directory; when it is absent, an error that says how to get it. */
export function loghubRoot(): string {
  return path.dirname(benchDataPath("loghub2k", "HDFS"));
}
