import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { anomalyOnsets, nabWindows } from "./point-labels";
import { SeededRandom } from "./seeded-random";
import { buildTrafficIncidentCorpus, SLICE_ROWS } from "./traffic-incidents";

describe("windows from point labels (NAB's rule)", () => {
  it("takes one anomaly per run of labelled rows, at its onset", () => {
    expect(anomalyOnsets([0, 1, 1, 0, 0, 1, 0, 1])).toEqual([1, 5, 7]);
  });

  it("centres a window of 10% of the rows / anomalies on each, clipped to the series", () => {
    // 10 000 rows, 2 anomalies: windows 500 rows wide; probation is 750 rows.
    expect(nabWindows(10_000, [2000, 9990])).toEqual([
      [1750, 2250],
      [9740, 9999],
    ]);
  });

  it("drops a first window that starts inside the probation period and merges overlapping windows", () => {
    expect(nabWindows(10_000, [500, 3000, 3100])).toEqual([[2833, 3266]]);
    expect(nabWindows(10_000, [])).toEqual([]);
  });
});

describe("SeededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const c = new SeededRandom(8);
    const draws = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(draws);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(draws);
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
  });
});

describe("buildTrafficIncidentCorpus", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-incidents-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  // Two synthetic per-minute traces (a daily cycle), each long enough for two slices.
  for (const name of ["nasa_http_1995_per_minute.csv", "worldcup98_per_minute.csv"]) {
    const rows = Array.from({ length: 2 * SLICE_ROWS }, (_, i) => `${new Date(Date.UTC(1995, 6, 1) + i * 60_000).toISOString().slice(0, 19).replace("T", " ")},${Math.round(100 + 80 * Math.sin((2 * Math.PI * i) / 1440))}`);
    fs.writeFileSync(path.join(dir, name), `minute,count\n${rows.join("\n")}\n`);
  }

  it("is deterministic for a seed, labels exactly the incidents' rows, and places them after the probation period", () => {
    const corpus = buildTrafficIncidentCorpus(dir, 1);
    expect(buildTrafficIncidentCorpus(dir, 1)).toEqual(corpus);
    expect(buildTrafficIncidentCorpus(dir, 2)).not.toEqual(corpus);
    expect(corpus.map((s) => s.name)).toEqual(["incidents/nasa_0_requests.csv", "incidents/nasa_1_latency.csv", "incidents/worldcup98_0_errors.csv", "incidents/worldcup98_1_requests.csv"]);
    for (const s of corpus) {
      const labelled = Array.from(s.labels).reduce((n, l) => n + l, 0);
      expect(labelled).toBe(s.incidents.reduce((n, i) => n + i.end - i.start + 1, 0));
      expect(s.incidents.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...s.incidents.map((i) => i.start))).toBeGreaterThan(0.15 * s.values.length);
      expect(s.values.length).toBe(s.timestamps.length);
    }
  });

  it("injects what each kind of incident does to its metric", () => {
    const corpus = buildTrafficIncidentCorpus(dir, 3);
    for (const s of corpus) {
      for (const incident of s.incidents.filter((i) => i.kind === "stuck-at-zero")) {
        expect(s.values.slice(incident.start, incident.end + 1).every((v) => v === 0)).toBe(true);
      }
    }
    const errors = corpus.find((s) => s.metric === "errors")!;
    expect(errors.timestamps[1] - errors.timestamps[0]).toBe(300_000);
  });
});
