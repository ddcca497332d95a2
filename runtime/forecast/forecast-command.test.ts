import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { recordedDataPath } from "../../testing/recorded-data";

const ROOT = path.resolve(__dirname, "..", "..");
const icna = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), ...args], { cwd: ROOT, encoding: "utf8" });
/** Each run fits in well under a second of CPU, but the 2 shared cores may be busy: allow for it. */
const SPAWN_TIMEOUT_MS = 120_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-forecast-"));

/** The last 3 weeks of NAB nyc_taxi (30-minute steps), with ISO timestamps and CRLF line ends. */
function taxiSlice(): string {
  const lines = fs.readFileSync(recordedDataPath("nyc_taxi-last-3-weeks.csv"), "utf8").trim().split("\n");
  return ["timestamp,value", ...lines.slice(-1008).map((line) => line.replace(" ", "T").replace(",", "Z,"))].join("\r\n");
}

describe("icna forecast (the installed binary)", () => {
  const input = path.join(dir, "taxi.csv");
  fs.writeFileSync(input, taxiSlice());

  it("prints one point per step after the last row up to the horizon, each inside its interval", () => {
    const result = icna("forecast", "--input", input, "--horizon", "100", "--json");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.step_seconds).toBe(1800);
    expect(report.forecast.map((p: { timestamp: string }) => p.timestamp)).toEqual(["2015-02-01 00:00:00", "2015-02-01 00:30:00", "2015-02-01 01:00:00"]);
    for (const point of report.forecast) {
      expect([point.lower, point.value, point.upper].every(Number.isFinite)).toBe(true);
      expect(point.lower).toBeLessThanOrEqual(point.value);
      expect(point.upper).toBeGreaterThanOrEqual(point.value);
    }
  }, SPAWN_TIMEOUT_MS);

  it("prints the interval level it was given as a percentage", () => {
    const result = icna("forecast", "--input", input, "--horizon", "30", "--level", "0.55");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/; interval 55%\n/);
  }, SPAWN_TIMEOUT_MS);

  it("names --level and what it was given when it is not a probability", () => {
    const result = icna("forecast", "--input", input, "--horizon", "30", "--level", "ninety");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('icna: --level must be a probability between 0 and 1 (exclusive), e.g. 0.9; got "ninety"\n');
  }, SPAWN_TIMEOUT_MS);
});
