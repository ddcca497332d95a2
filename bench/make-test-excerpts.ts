/**
 * Re-creates the tests' recorded-data excerpts in `testing/data/` from the full corpora (see the README
 * there for what each file is and its licence). Tests never run this; it lives with the benchmarks,
 * which may read the corpora, so that every excerpt can be traced to its source:
 * `npx tsx bench/make-test-excerpts.ts [data dir]` (default: the benchmarks' data directory).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadResampled } from "../runtime/forecast/evaluation/corpus";
import { benchDataDir } from "./bench-data";

const OUT = path.resolve(__dirname, "..", "testing", "data");
const dataDir = path.resolve(process.argv[2] ?? benchDataDir());

function lines(file: string): string[] {
  const full = path.join(dataDir, file);
  if (!fs.existsSync(full)) throw new Error(`${full} not found: pass the directory holding nab/ and traffic/ as the first argument`);
  return fs.readFileSync(full, "utf8").trim().split(/\r?\n/);
}

const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

/** Sums a `timestamp,value` file onto a `stepSeconds` grid and keeps the bins from `fromMs` on, at most `bins` of them. */
function sums(file: string, stepSeconds: number, fromMs: number, bins: number): string {
  const series = loadResampled(path.join(dataDir, file), "sum", stepSeconds);
  const rows: string[] = [];
  series.values.forEach((value, i) => {
    const t = series.startMs + i * stepSeconds * 1000;
    if (t >= fromMs && rows.length < bins && Number.isFinite(value)) rows.push(`${stamp(t)},${value}`);
  });
  return ["timestamp,value", ...rows].join("\n") + "\n";
}

const taxi = lines("nab/data/realKnownCause/nyc_taxi.csv");
const ec2 = lines("nab/data/realKnownCause/ec2_request_latency_system_failure.csv");
const excerpts: Record<string, string> = {
  "nyc_taxi-last-3-weeks.csv": [taxi[0], ...taxi.slice(-1008)].join("\n") + "\n",
  "nyc_taxi-6h-sums.csv": sums("nab/data/realKnownCause/nyc_taxi.csv", 21_600, Date.UTC(2014, 6, 1), 649),
  "ec2_request_latency_system_failure-first-2083.csv": ec2.slice(0, 2084).join("\n") + "\n",
  "nasa_http_1995-last-10-days-5min-sums.csv": sums("traffic/nasa_http_1995_per_minute.csv", 300, Date.UTC(1995, 7, 22), 2880),
};
// The Numenta HTM detector's published results on two series, with their windows and its per-file score rows.
const ORACLE_SERIES = ["realAdExchange/exchange-4_cpc_results.csv", "realTraffic/TravelTime_387.csv"];
const windows = JSON.parse(lines("nab/labels/combined_windows.json").join("\n")) as Record<string, string[][]>;
const thresholds = (JSON.parse(lines("nab/config/thresholds.json").join("\n")) as Record<string, unknown>).numenta;
const scoreRows = ["reward_low_FN_rate", "reward_low_FP_rate", "standard"].flatMap((profile) => {
  const table = lines(`nab/results/numenta/numenta_${profile}_scores.csv`);
  return table.slice(1).filter((row) => ORACLE_SERIES.includes(row.split(",")[2]));
});
const scoreHeader = lines("nab/results/numenta/numenta_standard_scores.csv")[0];
excerpts["nab-numenta/windows.json"] = JSON.stringify(Object.fromEntries(ORACLE_SERIES.map((name) => [name, windows[name]])), null, 2) + "\n";
excerpts["nab-numenta/thresholds.json"] = JSON.stringify(thresholds, null, 2) + "\n";
excerpts["nab-numenta/published-scores.csv"] = [scoreHeader, ...scoreRows].join("\n") + "\n";
for (const name of ORACLE_SERIES) {
  const [category, file] = name.split("/");
  const rows = lines(`nab/results/numenta/${category}/numenta_${file}`);
  const scoreColumn = rows[0].split(",").indexOf("anomaly_score");
  excerpts[`nab-numenta/${category}/numenta_${file}`] = rows.map((row) => `${row.split(",")[0]},${row.split(",")[scoreColumn]}`).join("\n") + "\n";
}

for (const [name, text] of Object.entries(excerpts)) {
  fs.mkdirSync(path.dirname(path.join(OUT, name)), { recursive: true });
  fs.writeFileSync(path.join(OUT, name), text);
  process.stdout.write(`${name}: ${text.trim().split("\n").length - 1} rows\n`);
}
