import * as fs from "node:fs";
import * as path from "node:path";
import { anomalyOnsets, nabWindows, type PointLabelledSeries } from "./point-labels";

/** `YYYY-MM-DD HH:MM:SS` (UTC), the timestamp form of NAB's data files. */
export function formatNabTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Writes point-labelled series as a NAB corpus: `<root>/data/<category>/<file>.csv` (`timestamp,value`) and
 * `<root>/labels/combined_windows.json` with windows laid by NAB's rule ({@link nabWindows}). Returns the root.
 */
export function writeNabLayout(root: string, series: readonly PointLabelledSeries[]): string {
  const windows: Record<string, string[][]> = {};
  for (const s of series) {
    const file = path.join(root, "data", s.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const rows = s.timestamps.map((t, i) => `${formatNabTimestamp(t)},${s.values[i]}`);
    fs.writeFileSync(file, `timestamp,value\n${rows.join("\n")}\n`);
    windows[s.name] = nabWindows(s.timestamps.length, anomalyOnsets(s.labels)).map(([a, b]) => [`${formatNabTimestamp(s.timestamps[a])}.000000`, `${formatNabTimestamp(s.timestamps[b])}.000000`]);
  }
  fs.mkdirSync(path.join(root, "labels"), { recursive: true });
  fs.writeFileSync(path.join(root, "labels", "combined_windows.json"), JSON.stringify(windows, null, 2) + "\n");
  return root;
}
