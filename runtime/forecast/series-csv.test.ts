import { readSeriesCsv, SeriesCsvError } from "./series-csv";

const errorOf = (text: string): SeriesCsvError => {
  try {
    readSeriesCsv(text, "in.csv");
  } catch (error) {
    if (error instanceof SeriesCsvError) return error;
    throw error;
  }
  throw new Error("expected a SeriesCsvError");
};

describe("readSeriesCsv", () => {
  it("reads space and ISO timestamps, infers the step and keeps gaps", () => {
    const csv = readSeriesCsv("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01T00:05:00Z,2\n2024-01-01T01:10:00+01:00,3\n2024-01-01 00:25:00,4\n2024-01-01 00:30:00,5\n", "in.csv");
    expect(csv.stepSeconds).toBe(300);
    expect(csv.values).toEqual([1, 2, 3, 4, 5]);
    expect(csv.timestamps[3] - csv.timestamps[2]).toBe(15 * 60_000);
  });

  it("infers the step when gaps are more common than consecutive rows", () => {
    // Every third 30-minute row missing: 60-minute spacings outnumber the 30-minute ones.
    const rows = Array.from({ length: 30 }, (_, i) => i)
      .filter((i) => i % 3 !== 1)
      .map((i) => `${new Date(Date.UTC(2024, 0, 1) + i * 1800_000).toISOString()},${i}`);
    const csv = readSeriesCsv(`timestamp,value\n${rows.join("\n")}\n`, "in.csv");
    expect(csv.stepSeconds).toBe(1800);
    expect(csv.values).toHaveLength(20);
  });

  it("does not take stray rows' spacing for the step", () => {
    const short = errorOf("t,v\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:05:01,2\n2024-01-01 00:10:00,3\n2024-01-01 00:15:00,4\n");
    expect(short.line).toBe(4);
    expect(short.message).toMatch(/1 s after line 3, not a whole multiple of the series step \(300 s\)/);
    const rows = Array.from({ length: 40 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 300_000).toISOString()},${i}`);
    for (const at of [30, 20, 10]) rows.splice(at, 0, `${new Date(Date.UTC(2024, 0, 1) + (at - 1) * 300_000 + 1000).toISOString()},0`);
    const long = errorOf(`t,v\n${rows.join("\n")}\n`);
    expect(long.line).toBe(12);
    expect(long.message).toMatch(/1 s after line 11, not a whole multiple of the series step \(300 s\)/);
  });

  it.each([
    ["no header", "2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,3\n", 1, /header/],
    ["a non-numeric value", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n", 3, /abc.*not a finite number/],
    ["a hexadecimal value", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,0x10\n", 3, /`0x10` is not a finite number/],
    ["semicolon-separated fields", "timestamp;value\n2024-01-01 00:00:00;1\n", 1, /separated by `;`.*commas/],
    ["tab-separated fields", "timestamp\tvalue\n2024-01-01 00:00:00\t1\n", 1, /separated by tabs.*commas/],
    ["a bad timestamp", "timestamp,value\n2024-13-01 00:00:00,1\n", 2, /not a timestamp/],
    ["a duplicate timestamp", "t,v\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:05:00,3\n", 4, /duplicate.*line 3/],
    ["unsorted rows", "t,v\n2024-01-01 00:10:00,1\n2024-01-01 00:05:00,2\n", 3, /earlier.*sort/],
    ["an off-grid timestamp", "t,v\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,2\n2024-01-01 00:12:00,2\n", 5, /whole multiple/],
    ["too few rows", "t,v\n2024-01-01 00:00:00,1\n", 2, /at least 3/],
    ["a missing field", "t,v\n2024-01-01 00:00:00\n", 2, /expected 2 fields/],
  ])("rejects %s, naming the line", (_, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`in.csv:${line}:`)).toBe(true);
  });
});
