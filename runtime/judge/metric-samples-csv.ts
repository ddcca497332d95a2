import { parseTimestamp } from "../forecast/timestamp";
import type { MetricSamples } from "./judge";

/** Bad samples CSV, with the 1-based line. */
export class MetricSamplesCsvError extends Error {
  constructor(source: string, line: number, problem: string) {
    super(`${source}:${line}: ${problem}`);
    this.name = "MetricSamplesCsvError";
  }
}

/**
 * Reads one colour's samples as wide CSV: a header `timestamp,<metric>,<metric>…`, then one row per
 * sample time; an empty cell means no sample for that metric at that time.
 */
export function readMetricSamplesCsv(text: string, source: string): MetricSamples {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== "");
  if (headerIndex < 0) throw new MetricSamplesCsvError(source, 1, "the file is empty; expected a header `timestamp,<metric>,…` and one row per sample time");
  const header = lines[headerIndex].split(",").map((h) => h.trim());
  if (header.length < 2 || header.slice(1).some((h) => h === "")) {
    throw new MetricSamplesCsvError(source, headerIndex + 1, `expected a header \`timestamp,<metric>,…\` naming every column, got \`${lines[headerIndex].trim()}\``);
  }
  const names = header.slice(1);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const cells = lines[i].split(",").map((c) => c.trim());
    if (cells.length !== header.length) throw new MetricSamplesCsvError(source, i + 1, `expected ${header.length} columns (${header.join(",")}), got ${cells.length}`);
    if (parseTimestamp(cells[0]) === undefined) {
      throw new MetricSamplesCsvError(source, i + 1, `\`${cells[0]}\` is not a timestamp; use \`YYYY-MM-DD HH:MM:SS\` (UTC) or ISO-8601`);
    }
    names.forEach((name, k) => {
      const cell = cells[k + 1];
      if (cell === "") return;
      const value = Number(cell);
      if (!Number.isFinite(value)) throw new MetricSamplesCsvError(source, i + 1, `${name} value \`${cell}\` is not a finite number (leave the cell empty for no sample)`);
      samples[name].push(value);
    });
  }
  return samples;
}
