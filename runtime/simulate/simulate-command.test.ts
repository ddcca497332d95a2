import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHART_SERIES } from "./chart";
import { recordedDataPath } from "../../testing/recorded-data";

const ROOT = path.resolve(__dirname, "..", "..");
/** A replay takes seconds of CPU, but the 2 shared cores may be busy: allow for it. */
const SPAWN_TIMEOUT_MS = 180_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-simulate-"));
/** Runs in the temporary directory, where the default chart lands. */
const icna = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), ...args], { cwd: dir, encoding: "utf8" });

/** The last 8 days of the real NASA-HTTP trace (committed as 5-minute sums), summed to 15-minute requests. */
function nasaSlice(): string {
  const lines = fs.readFileSync(recordedDataPath("nasa_http_1995-last-10-days-5min-sums.csv"), "utf8").trim().split("\n").slice(1);
  const sums = new Map<string, number>();
  for (const line of lines) {
    const [time, count] = line.split(",");
    if (time < "1995-08-24") continue;
    const key = `${time.slice(0, 14)}${String(Math.floor(Number(time.slice(14, 16)) / 15) * 15).padStart(2, "0")}:00`;
    sums.set(key, (sums.get(key) ?? 0) + Number(count));
  }
  return ["timestamp,value", ...[...sums].map(([t, v]) => `${t},${v}`)].join("\n");
}

/** Well-formedness: every tag closes in order, one root `<svg>`. */
function assertWellFormedSvg(svg: string): void {
  const stack: string[] = [];
  const tags = svg.match(/<[^>]+>/g) ?? [];
  for (const tag of tags) {
    if (tag.startsWith("<?") || tag.startsWith("<!")) continue;
    const name = /^<\/?([\w:-]+)/.exec(tag)?.[1];
    if (!name) throw new Error(`malformed tag ${tag}`);
    if (tag.startsWith("</")) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (!tag.endsWith("/>")) {
      stack.push(name);
    }
  }
  expect(stack).toEqual([]);
  expect(svg.trimStart().startsWith("<svg")).toBe(true);
}

describe("icna simulate (the installed binary)", () => {
  const trace = path.join(dir, "nasa-15min.csv");
  fs.writeFileSync(trace, nasaSlice());

  it("compares the reactive HPA with the PSE on a real trace and charts demand, capacities and forecast", () => {
    const chart = path.join(dir, "replay.svg");
    const result = icna("simulate", "--trace", trace, "--days", "3", "--json", "--chart", chart);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ step_seconds: 900, start: "1995-08-29 00:00:00", simulated_minutes: 3 * 1440, lead_minutes: 5, quantile: 0.9, target_utilisation: 0.7, fallback_minutes: 0, chart });
    expect(report.reactive.daily_peak_lead_minutes).toHaveLength(3);
    expect(report.predictive.under_provisioned_minutes).toBeLessThanOrEqual(report.reactive.under_provisioned_minutes);
    expect(report.pod_hours_change_percent).toBeCloseTo((100 * (report.predictive.pod_hours - report.reactive.pod_hours)) / report.reactive.pod_hours, 1);

    const svg = fs.readFileSync(chart, "utf8");
    assertWellFormedSvg(svg);
    for (const series of CHART_SERIES) expect(svg).toContain(`>${series}</text>`);
    expect((svg.match(/role-mark.*?<path/g) ?? []).length).toBeGreaterThanOrEqual(4);
  }, SPAWN_TIMEOUT_MS);

  it("prints a table with the options it ran with, and writes the chart beside it by default", () => {
    const defaultChart = path.join(dir, "nasa-15min.simulation.svg");
    fs.rmSync(defaultChart, { force: true });
    const result = icna("simulate", "--trace", trace, "--days", "2", "--capacity-per-pod", "100", "--lead", "10", "--quantile", "0.95");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^chart: nasa-15min\.simulation\.svg$/m);
    assertWellFormedSvg(fs.readFileSync(defaultChart, "utf8"));
    expect(result.stdout).toMatch(/capacity per pod 100; target 70%; PSE lead 10 min, quantile 0\.95/);
    expect(result.stdout).toMatch(/^minutes under-provisioned\s+\d+\s+\d+$/m);
    expect(result.stdout).toMatch(/^pod-hours\s+\d+\s+\d+ \([+-]\d+\.\d%\)$/m);
  }, SPAWN_TIMEOUT_MS);

  it("replays the whole second half with --days half", () => {
    const result = icna("simulate", "--trace", trace, "--days", "half", "--json", "--no-chart");
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ start: "1995-08-28 00:00:00", simulated_minutes: 4 * 1440, gap_minutes: 0 });
    expect(report.chart).toBeUndefined();
  }, SPAWN_TIMEOUT_MS);

  it("refuses a chart file it cannot write before replaying: not SVG, or in a missing directory", () => {
    const png = icna("simulate", "--trace", trace, "--days", "2", "--chart", path.join(dir, "replay.png"));
    expect(png.status).toBe(2);
    expect(png.stderr).toBe(`icna: --chart writes SVG; name the file .svg (got ${path.join(dir, "replay.png")})\n`);
    expect(fs.existsSync(path.join(dir, "replay.png"))).toBe(false);
    const missing = icna("simulate", "--trace", trace, "--days", "2", "--chart", path.join(dir, "no", "such", "dir", "replay.svg"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`icna: cannot write --chart ${path.join(dir, "no", "such", "dir", "replay.svg")}: ENOENT\n`);
    expect(missing.stdout).toBe("");
  });

  it("names the bad line of a bad trace", () => {
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "timestamp,value\n2024-01-01 00:00:00,5\n2024-01-01 00:05:00,lots\n");
    const result = icna("simulate", "--trace", bad);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`icna: ${bad}:3: value \`lots\` is not a finite number; leave the cell empty to mark a gap\n`);
  });

  it("explains a trace too short for the replayed days and a missing file", () => {
    const short = icna("simulate", "--trace", trace, "--days", "14");
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^icna: .*nasa-15min\.csv: the trace covers 8\.0 day\(s\); replaying 14 day\(s\) needs at least 28 .* smaller --days or --days half\n$/);
    const missing = icna("simulate", "--trace", path.join(dir, "nope.csv"), "--target", "seventy");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('icna: --target must be a number, got "seventy"\n');
  });
});
