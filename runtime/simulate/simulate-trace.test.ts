import { SeriesCsvError } from "../forecast/series-csv";
import { MAX_LEAD_SEARCH_MINUTES } from "./outcome";
import { formatSimulationTable, simulateCsv, SimulationRequestError } from "./simulate-trace";

const csv = ["timestamp,value", ...Array.from({ length: 200 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 900_000).toISOString()},${100 + (i % 96)}`)].join("\n");

describe("simulateCsv input checks", () => {
  it.each([
    [{ quantile: 9 }, "--quantile must be between 0 and 1 (exclusive), e.g. 0.9; got 9"],
    [{ targetUtilisation: 1.5 }, "--target must be a utilisation in (0, 1], e.g. 0.7; got 1.5"],
    [{ capacityPerPod: 0 }, "--capacity-per-pod must be a positive number, got 0"],
    [{ podStartupMinutes: -1 }, "--pod-startup must be a number ≥ 0, got -1"],
    [{ leadMinutes: -5 }, "--lead must be a positive number, got -5"],
  ])("rejects %j", (overrides, message) => {
    expect(() => simulateCsv(csv, "t.csv", overrides)).toThrow(new SimulationRequestError(message));
  });

  it("refuses --days too short to replay one trace step, instead of printing NaN and null", () => {
    expect(() => simulateCsv(csv, "t.csv", { days: 0.005 })).toThrow(new SimulationRequestError("t.csv: --days 0.005 replays less than one 15-minute step of the trace; replay at least 0.0104167 day(s)"));
  });

  it("refuses a capacity per pod so small that the peak needs more pods than the simulated cluster has", () => {
    expect(() => simulateCsv(csv, "t.csv", { days: 1, capacityPerPod: 0.1 })).toThrow(
      new SimulationRequestError("t.csv: the replayed peak (195 per step) needs 2786 pods of capacity 0.1 at the 70% target, more than the simulated cluster's 1000; give --capacity-per-pod at least 0.278572 (in the trace's units per step)"),
    );
  });

  it("asks for whole-minute steps", () => {
    const seconds = "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:00:30,2\n2024-01-01 00:01:00,3\n";
    expect(() => simulateCsv(seconds, "s.csv")).toThrow(/s\.csv: the trace step is 30 s; .* resample the trace to 1, 5 or 15 minutes/);
  });

  it("passes CSV errors through with their line", () => {
    expect(() => simulateCsv("1,2\n", "h.csv")).toThrow(SeriesCsvError);
  });
});

describe("formatSimulationTable", () => {
  it("shows no lead, not Infinity, when no whole UTC day was replayed", () => {
    const { report } = simulateCsv(csv, "t.csv", { days: 0.5, capacityPerPod: 20 });
    expect(report.reactive.daily_peak_lead_minutes).toEqual([]);
    const table = formatSimulationTable(report);
    expect(table).not.toMatch(/Infinity|NaN/);
    expect(table).toMatch(/^median \/ min lead on daily peaks \(min\)\s+– \/ –\s+– \/ –$/m);
  });

  it("prints a lead at the search limit as at least that long, and says what a lead is", () => {
    const { report } = simulateCsv(csv, "t.csv", { days: 1, capacityPerPod: 20 });
    const capped = { ...report, reactive: { ...report.reactive, daily_peak_lead_minutes: [MAX_LEAD_SEARCH_MINUTES, MAX_LEAD_SEARCH_MINUTES] }, predictive: { ...report.predictive, daily_peak_lead_minutes: [17, MAX_LEAD_SEARCH_MINUTES] } };
    const table = formatSimulationTable(capped);
    expect(table).toMatch(/^median \/ min lead on daily peaks \(min\)\s+≥240 \/ ≥240\s+17 \/ 17$/m);
    expect(table).toMatch(/^Lead: how long before the day's busiest 15 minutes .* searched up to 240 min\. ≥240 means .* not that it was forecast\.$/m);
  });
});
