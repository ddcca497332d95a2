import * as fs from "node:fs";
import * as path from "node:path";
import type { LabelledSeries } from "./labelled-series";
import { parseNabTimestamp } from "./nab-timestamp";

/** One corpus series: its rows and its labelled windows. */
export interface NabSeries extends LabelledSeries {
  readonly values: readonly number[];
}

/** Reads a NAB-format CSV (header row, then `timestamp,value[,…]`), returning the named columns. */
export function readNabCsv(file: string, columns: readonly string[]): { timestamps: number[]; columns: number[][] } {
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines[0].split(",");
  const indexes = columns.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${file}: no "${name}" column (columns: ${header.join(", ")})`);
    return index;
  });
  const timestamps: number[] = [];
  const out = columns.map(() => [] as number[]);
  for (let row = 1; row < lines.length; row++) {
    const cells = lines[row].split(",");
    timestamps.push(parseNabTimestamp(cells[0]));
    indexes.forEach((index, k) => out[k].push(Number(cells[index])));
  }
  return { timestamps, columns: out };
}

/** Loads every series of a NAB checkout (`data/`, `labels/combined_windows.json`), sorted by name. */
export function loadNabCorpus(nabRoot: string): NabSeries[] {
  const windowsFile = path.join(nabRoot, "labels", "combined_windows.json");
  const windows = JSON.parse(fs.readFileSync(windowsFile, "utf8")) as Record<string, string[][]>;
  return Object.keys(windows)
    .sort()
    .map((name) => {
      const { timestamps, columns } = readNabCsv(path.join(nabRoot, "data", name), ["value"]);
      return {
        name,
        timestamps,
        values: columns[0],
        windows: windows[name].map(([start, end]) => [parseNabTimestamp(start), parseNabTimestamp(end)] as const),
      };
    });
}

/** Reads a published detector's anomaly scores for one series (`results/<detector>/<category>/<detector>_<file>`). */
export function readPublishedScores(nabRoot: string, detector: string, seriesName: string): number[] {
  const dir = path.dirname(seriesName);
  const file = path.join(nabRoot, "results", detector, dir, `${detector}_${path.basename(seriesName)}`);
  return readNabCsv(file, ["anomaly_score"]).columns[0];
}
