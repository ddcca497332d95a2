import * as fs from "node:fs";
import * as path from "node:path";
import { detectSeries } from "../../runtime/detection/detect-series";
import { forecastFromCsv } from "../../runtime/forecast/forecast-report";
import { readSeriesRows } from "../../runtime/forecast/series-csv";
import { sharedDataRoot } from "./shared-root";

/** Every `.csv` under `dir` except manifests, sorted. */
function csvFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? csvFiles(path.join(dir, entry.name)) : entry.name.endsWith(".csv") && entry.name !== "series.csv" ? [path.join(dir, entry.name)] : []))
    .sort();
}

/**
 * Checks that `icna detect` and `icna forecast` accept every file of NAB and of the KPI corpus as it is:
 * each file goes through the same calls the commands make (`readSeriesRows` + `detectSeries`, and
 * `forecastFromCsv` with a 60-minute horizon). Prints one line per corpus and every refusal; exits 1 on any.
 * `npx tsx bench/nab/accept-corpora.ts [shared data dir]` (~5 min on one core).
 */
function main(): void {
  const root = sharedDataRoot(process.argv[2]);
  let refused = 0;
  for (const corpus of [path.join(root, "nab", "data"), path.join(root, "anomaly-kpi")]) {
    const files = csvFiles(corpus);
    let repeated = 0;
    let merged = 0;
    let moved = 0;
    let withRepeats = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      try {
        const rows = readSeriesRows(text, file);
        detectSeries(rows);
        repeated += rows.repeatedRows;
        if (rows.repeatedRows > 0) withRepeats++;
        const { diagnostics } = forecastFromCsv({ csvText: text, sourceName: file, horizonMinutes: 60 });
        merged += diagnostics.mergedRepeats;
        moved += diagnostics.movedToGrid;
      } catch (error) {
        refused++;
        process.stdout.write(`refused: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    process.stdout.write(
      `${path.relative(root, corpus)}: ${files.length} files, all read by detect and forecast unless listed above; ${withRepeats} with repeated timestamps (${repeated} repeated rows scored row by row by detect; ${merged} merged by mean by forecast); ${moved} rows moved to the step grid by forecast\n`,
    );
  }
  process.exitCode = refused > 0 ? 1 : 0;
}

main();
