import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { recordedDataPath } from "../../testing/recorded-data";
import { CHART_SERIES, tickInterval } from "./chart";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the simulation chart (rendered by the CLI: Vega is ESM, which jest cannot import)", () => {
  let svg: string;
  beforeAll(() => {
    // The last 10 days of the real NASA-HTTP trace (5-minute sums, committed under testing/); the last 2 are replayed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-chart-"));
    fs.copyFileSync(recordedDataPath("nasa_http_1995-last-10-days-5min-sums.csv"), path.join(dir, "nasa.csv"));
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), "simulate", "--trace", "nasa.csv", "--days", "2", "--chart", "chart.svg"], { cwd: dir, encoding: "utf8", env: { ...process.env, ICNA_FROM_SOURCE: "1" } });
    expect(run.stderr).toBe("");
    svg = fs.readFileSync(path.join(dir, "chart.svg"), "utf8");
  }, 180_000);

  it("has a title naming the trace, the replayed dates and both autoscalers' settings", () => {
    expect(svg).toContain(">nasa.csv: reactive HPA vs PSE, 1995-08-30 00:00 → 1995-09-01 00:00 UTC (2 days, 5-min steps)</text>");
    expect(svg).toMatch(/Reactive HPA: CPU at 70% target\. PSE: forecasts 5 min ahead, sizes the 0\.9 quantile/);
  });

  it("states its aggregation rule and labels a 2-day replay with dates and times of day", () => {
    expect(svg).toContain("Lines: the mean per 5-min step; shaded bands: the lowest–highest in it (the same rule for demand, both capacities and the forecast).");
    expect(svg).toContain(">Wed 30 Aug</text>");
    expect(svg).toContain(">Thu 31 Aug</text>");
    expect(svg).toContain(">06:00</text>");
    expect(svg).not.toMatch(/>\d\d (AM|PM)<\/text>/);
  });

  it("marks under-provisioned minutes per autoscaler and zooms on the PSE's least-led peak with both leads", () => {
    expect(svg).toMatch(/>reactive HPA under-provisioned \(\d+ min\)<\/text>/);
    expect(svg).toMatch(/>PSE under-provisioned \(\d+ min\)<\/text>/);
    expect(svg).toMatch(/, the day the PSE led its peak least \(of 2 days\), at the trace's 5-min step/);
    expect(svg).toMatch(/>PSE: covered it (from \d\d:\d\d \(lead \d+ min\)|all the 240 minutes searched before it \(lead ≥ 240 min\)|only from \d\d:\d\d, \d+ min after it began)\. Reactive HPA: covered it/);
    for (const series of CHART_SERIES) expect(svg).toContain(`>${series}</text>`);
  });
});

describe("tickInterval", () => {
  it.each([
    [180, { interval: "minutes", step: 15 }],
    [1440, { interval: "hours", step: 3 }],
    [2 * 1440, { interval: "hours", step: 6 }],
    [14 * 1440, { interval: "day", step: 1 }],
    [40 * 1440, { interval: "day", step: 3 }],
  ])("%d minutes: %j", (span, interval) => {
    expect(tickInterval(span)).toEqual(interval);
  });
});
