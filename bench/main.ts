import { parseArgs } from "node:util";
import { BENCH_DATA_ENV, DEFAULT_BENCH_DATA_DIR } from "./bench-data";
import { availableSuites, DEFAULT_OUT_DIR, RESULTS_DIR, runBenchmarks } from "./run";

const USAGE = `usage: npm run bench -- [suite …] [--data <dir>] [--out <dir>] [--update-results]
  suite             one or more of: ${availableSuites().join(", ")} (default: all)
  --data <dir>      the public corpora (nab/, traffic/, anomaly-kpi/, loghub2k/); default ${DEFAULT_BENCH_DATA_DIR}
  --out <dir>       where the reports go; default ${DEFAULT_OUT_DIR} (outside the repository)
  --update-results  write the reports into ${RESULTS_DIR} instead (the tables the README quotes)`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { data: { type: "string" }, out: { type: "string" }, "update-results": { type: "boolean", default: false }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values["update-results"] && values.out !== undefined) throw new UsageError("--out and --update-results both say where the reports go: give one");
  if (values.data !== undefined) process.env[BENCH_DATA_ENV] = values.data;
  const written = await runBenchmarks(positionals, { updateResults: values["update-results"] ?? false, outDir: values.out ?? DEFAULT_OUT_DIR });
  process.stdout.write(`\nbench: wrote ${written.join(", ")}${values["update-results"] ? "" : " (bench/results/ unchanged: --update-results writes there)"}\n`);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`bench: ${message}\n`);
  const usage = error instanceof UsageError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
  if (usage) process.stderr.write(`${USAGE}\n`);
  process.exit(usage ? 2 : 1);
});
