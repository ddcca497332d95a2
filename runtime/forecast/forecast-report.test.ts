import { describeInputRepairs, forecastFromCsv, ForecastRequestError } from "./forecast-report";

/** `rows` rows of 30-minute data from 2024-01-01, with a daily cycle. */
function csv(rows: number, header = "timestamp,value"): string {
  const lines = [header];
  for (let i = 0; i < rows; i++) {
    const time = new Date(Date.UTC(2024, 0, 1) + i * 1800_000).toISOString().slice(0, 19).replace("T", " ");
    lines.push(`${time},${Math.round(1000 + 500 * Math.sin((2 * Math.PI * i) / 48))}`);
  }
  return `${lines.join("\n")}\n`;
}

const errorOf = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
};

describe("forecastFromCsv", () => {
  it("forecasts a series with repeated timestamps and empty cells, and says what it merged", () => {
    const lines = csv(200).trimEnd().split("\n");
    lines.splice(101, 0, lines[100].replace(/,\d+$/, ",0")); // a repeat of line 101 with another value
    lines[150] = lines[150].replace(/,\d+$/, ",");
    const clean = forecastFromCsv({ csvText: csv(200), sourceName: "in.csv", horizonMinutes: 60 });
    const { report, diagnostics } = forecastFromCsv({ csvText: lines.join("\r\n"), sourceName: "in.csv", horizonMinutes: 60 });
    expect(report.step_seconds).toBe(1800);
    expect(report.forecast).toHaveLength(clean.report.forecast.length);
    expect(diagnostics).toMatchObject({ mergedRepeats: 1, movedToGrid: 0, emptyValues: 1 });
    expect(describeInputRepairs(diagnostics)).toBe("input: 1 row(s) with a repeated timestamp merged by mean; 1 empty value cell(s) read as gaps");
    expect(describeInputRepairs(clean.diagnostics)).toBeUndefined();
  });

  it("names the last line and the longest horizon the rows allow when they are too few for the horizon", () => {
    const error = errorOf(() => forecastFromCsv({ csvText: csv(11), sourceName: "in.csv", horizonMinutes: 60 }));
    expect(error).toBeInstanceOf(ForecastRequestError);
    expect(error.message).toBe("in.csv:12: the series has 11 observed step(s); a 60 min horizon (2 steps of 30 min) needs at least 14 (3 × horizon steps + 8): give 3 more row(s) or a horizon of at most 30 min");
  });

  it("says how many rows any forecast needs when even one step is out of reach", () => {
    const error = errorOf(() => forecastFromCsv({ csvText: csv(9), sourceName: "in.csv", horizonMinutes: 30 }));
    expect(error.message).toBe("in.csv:10: the series has 9 observed step(s); a 30 min horizon (1 step of 30 min) needs at least 11 (3 × horizon steps + 8): give 2 more row(s)");
  });
});

describe("forecastFromCsv on a series too sparse to backtest", () => {
  it("names the last line and says how to fix it", () => {
    // 12 days at 30 min, then only every other step: no origin has an observed value one step later.
    const rows = csv(20 * 48).trim().split("\n");
    const sparse = [rows[0], ...rows.slice(1).filter((_, i) => i < 12 * 48 || i % 2 === 1)];
    sparse.splice(sparse.length - 1, 1);
    const error = errorOf(() => forecastFromCsv({ csvText: sparse.join("\n"), sourceName: "in.csv", horizonMinutes: 30 }));
    expect(error).toBeInstanceOf(ForecastRequestError);
    expect(error.message).toMatch(/^in\.csv:\d+: no backtest origin .* resample it to a coarser step or give rows without gaps$/);
  });
});
