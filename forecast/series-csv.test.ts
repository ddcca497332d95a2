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

  it.each([
    ["no header", "2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,3\n", 1, /header/],
    ["a non-numeric value", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n", 3, /abc.*not a finite number/],
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
