import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as nodeModule from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { median } from "../../runtime/forecast/statistics";
import { BenchSuite } from "../run";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "icna.js");
const PULUMI_SDKS = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/eks", "@pulumi/kubernetes"];

/** One process to time: its arguments to `node`, its environment, and the exit codes that count as a normal run. */
interface Run {
  readonly label: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly exitCodes: readonly number[];
}

/** A command timed against its baseline, both in the same loop. */
interface Comparison {
  readonly command: Run;
  readonly baseline: Run;
  readonly runs: number;
  /** Highest accepted ratio of the medians, or none for a row shown for information. */
  readonly target?: number;
}

/** The compiled CLI, whatever the caller's environment says. */
const COMPILED = { ICNA_FROM_SOURCE: undefined };

/** GNU time, when installed, reports the child's CPU time (user + system), which a busy machine distorts less than wall time. */
const GNU_TIME = "/usr/bin/time";
const CPU_FILE = path.join(os.tmpdir(), `icna-bench-cli-cpu-${process.pid}.txt`);

interface Timing {
  readonly wallMs: number;
  readonly cpuMs?: number;
}

function timeOnce(run: Run): Timing {
  const withCpu = fs.existsSync(GNU_TIME);
  const [file, args] = withCpu ? [GNU_TIME, ["-o", CPU_FILE, "-f", "%U %S", process.execPath, ...run.args]] : [process.execPath, run.args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { cwd: ROOT, env: { ...process.env, ...run.env }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || !run.exitCodes.includes(result.status)) {
    throw new Error(`\`${run.label}\` exited ${result.status ?? result.signal} (expected ${run.exitCodes.join(" or ")}): ${result.stderr.trim().slice(0, 500)}`);
  }
  if (!withCpu) return { wallMs };
  const [user, system] = fs.readFileSync(CPU_FILE, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wallMs, cpuMs: (user + system) * 1000 };
}

/** Times command and baseline alternately (A B, then B A, …) after one discarded warm-up run of each. */
function compare({ command, baseline, runs }: Comparison): { command: Timing[]; baseline: Timing[] } {
  timeOnce(baseline);
  timeOnce(command);
  const times = { command: [] as Timing[], baseline: [] as Timing[] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (["baseline", "command"] as const) : (["command", "baseline"] as const);
    for (const which of order) times[which].push(timeOnce(which === "command" ? command : baseline));
  }
  return times;
}

/** A day of five-minute samples with a daily cycle: the forecast input of the target. */
function oneDayCsv(dir: string): string {
  const start = Date.UTC(2026, 11, 1);
  const rows = Array.from({ length: 288 }, (_, i) => {
    const at = new Date(start + i * 300_000).toISOString().replace("T", " ").slice(0, 19);
    return `${at},${(100 + 50 * Math.sin((i / 288) * 2 * Math.PI) + ((i * 37) % 11)).toFixed(2)}`;
  });
  const file = path.join(dir, "one-day.csv");
  fs.writeFileSync(file, ["timestamp,value", ...rows].join("\n") + "\n");
  return file;
}

function build(): number {
  const started = Date.now();
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  return (Date.now() - started) / 1000;
}

const RUNS = 7;
const REVIEW_RUNS = 5;

/**
 * Start-up of the installed CLI against plain node: `icna --help` and `icna forecast` (one day of data)
 * against `node -e 0`, `icna review --stack prod` against a node that only loads the four Pulumi SDKs
 * the stack program needs. It builds dist/ first, so the figures are those of the current sources.
 */
const suite: BenchSuite = {
  name: "cli",
  description: `Start-up of the compiled CLI (bin/icna.js → dist/) against node itself: each command and its baseline spawned alternately, ${RUNS} runs each (${REVIEW_RUNS} for review) after a warm-up, medians of wall-clock time.`,
  async run() {
    const buildSeconds = build();
    const csv = oneDayCsv(fs.mkdtempSync(path.join(os.tmpdir(), "icna-bench-cli-")));
    const nodeOnly: Run = { label: "node -e 0", args: ["-e", "0"], exitCodes: [0] };
    const sdksOnly: Run = { label: "node: require the 4 Pulumi SDKs", args: ["-e", PULUMI_SDKS.map((p) => `require(${JSON.stringify(p)})`).join(";")], exitCodes: [0] };
    const comparisons: Comparison[] = [
      { command: { label: "icna --help", args: [BIN, "--help"], env: COMPILED, exitCodes: [0] }, baseline: nodeOnly, runs: RUNS, target: 3 },
      { command: { label: "icna forecast --input <one day, 5 min> --horizon 60", args: [BIN, "forecast", "--input", csv, "--horizon", "60"], env: COMPILED, exitCodes: [0] }, baseline: nodeOnly, runs: RUNS, target: 3 },
      // The verdict decides 0 or 1; either is a complete review.
      { command: { label: "icna review --stack prod", args: [BIN, "review", "--stack", "prod"], env: COMPILED, exitCodes: [0, 1] }, baseline: sdksOnly, runs: REVIEW_RUNS, target: 2 },
      { command: { label: "icna --help from the sources (ICNA_FROM_SOURCE=1, tsx)", args: [BIN, "--help"], env: { ICNA_FROM_SOURCE: "1" }, exitCodes: [0] }, baseline: nodeOnly, runs: RUNS },
    ];
    const met = (ratio: number, target: number | undefined) => (target === undefined ? "–" : ratio <= target ? "met" : "**not met**");
    const rows = comparisons.map((comparison) => {
      const times = compare(comparison);
      const wall = [median(times.command.map((t) => t.wallMs)), median(times.baseline.map((t) => t.wallMs))];
      const cpuTimes = [times.command.map((t) => t.cpuMs), times.baseline.map((t) => t.cpuMs)];
      const cpu = cpuTimes.every((list) => list.every((ms) => ms !== undefined)) ? cpuTimes.map((list) => median(list as number[])) : undefined;
      const target = comparison.target === undefined ? "(information)" : `≤ ${comparison.target}×`;
      const cpuCells = cpu ? `${cpu[0].toFixed(0)} | ${cpu[1].toFixed(0)} | ${(cpu[0] / cpu[1]).toFixed(2)} | ${met(cpu[0] / cpu[1], comparison.target)}` : "– | – | – | –";
      return `| \`${comparison.command.label}\` | \`${comparison.baseline.label}\` | ${target} | ${wall[0].toFixed(0)} | ${wall[1].toFixed(0)} | ${(wall[0] / wall[1]).toFixed(2)} | ${met(wall[0] / wall[1], comparison.target)} | ${cpuCells} |`;
    });
    return [
      "| Command | Baseline | Target | Wall median ms | Baseline wall ms | Wall ratio | Wall | CPU median ms | Baseline CPU ms | CPU ratio | CPU |",
      "|---|---|---|---:|---:|---:|---|---:|---:|---:|---|",
      ...rows,
      "",
      "Wall: elapsed time of the spawned process. CPU: its user + system time as GNU time reports it (`/usr/bin/time`; `–` without it).",
      "",
      `dist/ was rebuilt first (\`npm run build\`, ${buildSeconds.toFixed(0)} s). Node ${process.version} has ${"enableCompileCache" in nodeModule ? "a" : "no"} module compile cache. Ratios are of medians measured in the same loop on the same machine, so a busy machine slows both sides; absolute times are not comparable across runs.`,
      "",
    ].join("\n");
  },
};

export default suite;
