import * as fs from "node:fs";
import * as path from "node:path";
import { readNabCsv } from "./corpus";
import type { PointLabelledSeries } from "./point-labels";

/**
 * Rows kept of each KPI series: its first 7 days of one-minute points. NAB's Python peers (CAD OSE above all,
 * at 1–30 ms a row on a shared core) cannot score all 936 254 rows in a benchmark run; the first week of all
 * 26 series keeps every series and its daily pattern.
 */
export const KPI_BENCH_ROWS = 10_080;

/**
 * The KPI corpus (`<shared data>/anomaly-kpi/wsd_*.csv`, `timestamp,value,label`) as point-labelled series
 * under `kpi/`, each cut to its first `maxRows` rows.
 */
export function readKpiCorpus(kpiDir: string, maxRows: number = KPI_BENCH_ROWS): PointLabelledSeries[] {
  return fs
    .readdirSync(kpiDir)
    .filter((f) => /^wsd_\d+\.csv$/.test(f))
    .sort()
    .map((file) => {
      const { timestamps, columns } = readNabCsv(path.join(kpiDir, file), ["value", "label"]);
      return { name: `kpi/${file}`, timestamps: timestamps.slice(0, maxRows), values: columns[0].slice(0, maxRows), labels: columns[1].slice(0, maxRows) };
    });
}
