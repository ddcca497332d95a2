import * as fs from "node:fs";
import * as path from "node:path";
import { resampleToGrid, type RegularSeries } from "../regular-series";
import { parseTimestamp } from "../timestamp";

/** A named benchmark series on a regular grid. */
export interface CorpusSeries {
  readonly name: string;
  readonly group: string;
  readonly series: RegularSeries;
}

/**
 * Reads a `timestamp,value` file leniently (the raw NAB and traffic files repeat and jitter
 * timestamps) and bins it onto a grid: the file's most common spacing for "mean", or `stepSeconds`.
 */
export function loadResampled(file: string, aggregate: "mean" | "sum", stepSeconds?: number): RegularSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/).slice(1)) {
    const [time, value] = line.split(",");
    const t = time === undefined ? undefined : parseTimestamp(time);
    const v = Number(value);
    if (t === undefined || value === undefined || !Number.isFinite(v)) continue;
    timestamps.push(t);
    values.push(v);
  }
  const order = timestamps.map((_, i) => i).sort((a, b) => timestamps[a] - timestamps[b]);
  const sortedTimes = order.map((i) => timestamps[i]);
  const sortedValues = order.map((i) => values[i]);
  return resampleToGrid(sortedTimes, sortedValues, stepSeconds ?? modeSpacingSeconds(sortedTimes), aggregate);
}

function modeSpacingSeconds(timestamps: readonly number[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < timestamps.length; i++) {
    const spacing = timestamps[i] - timestamps[i - 1];
    if (spacing > 0) counts.set(spacing, (counts.get(spacing) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0] / 1000;
}

/** NAB realKnownCause/nyc_taxi, realAWSCloudwatch, realTraffic; NASA and WorldCup-98 summed to 5 minutes. */
export function forecastingCorpus(dataDir: string): CorpusSeries[] {
  const nab = path.join(dataDir, "nab", "data");
  const out: CorpusSeries[] = [
    { name: "nyc_taxi", group: "realKnownCause", series: loadResampled(path.join(nab, "realKnownCause", "nyc_taxi.csv"), "mean") },
  ];
  for (const group of ["realAWSCloudwatch", "realTraffic"]) {
    for (const file of fs.readdirSync(path.join(nab, group)).filter((f) => f.endsWith(".csv")).sort()) {
      out.push({ name: file.replace(/\.csv$/, ""), group, series: loadResampled(path.join(nab, group, file), "mean") });
    }
  }
  for (const [name, file] of [
    ["nasa_http_1995", "nasa_http_1995_per_minute.csv"],
    ["worldcup98", "worldcup98_per_minute.csv"],
  ]) {
    out.push({ name, group: "traffic (5 min)", series: loadResampled(path.join(dataDir, "traffic", file), "sum", 300) });
  }
  return out;
}
