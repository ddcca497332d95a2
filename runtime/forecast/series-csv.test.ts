import { readSeriesCsv, readSeriesRows, SeriesCsvError } from "./series-csv";

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

  it("does not take stray rows' spacing for the step, and moves stray rows to the nearest step", () => {
    const short = readSeriesCsv("t,v\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:05:01,4\n2024-01-01 00:10:00,3\n2024-01-01 00:15:00,4\n", "in.csv");
    expect(short.stepSeconds).toBe(300);
    expect(short.movedToGrid).toBe(1);
    expect(short.values).toEqual([1, 3, 3, 4]); // 00:05:01 joins 00:05:00 by the mean
    const rows = Array.from({ length: 40 }, (_, i) => `${new Date(Date.UTC(2024, 0, 1) + i * 300_000).toISOString()},${i}`);
    for (const at of [30, 20, 10]) rows.splice(at, 0, `${new Date(Date.UTC(2024, 0, 1) + (at - 1) * 300_000 + 1000).toISOString()},0`);
    const long = readSeriesCsv(`t,v\n${rows.join("\n")}\n`, "in.csv");
    expect(long.stepSeconds).toBe(300);
    expect(long.timestamps).toHaveLength(40);
    expect(long.movedToGrid).toBe(3);
  });

  it.each([
    ["no header", "2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,3\n", 1, /header/],
    ["a non-numeric value", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,abc\n", 3, /abc.*not a finite number/],
    ["a hexadecimal value", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,0x10\n", 3, /`0x10` is not a finite number/],
    ["semicolon-separated fields", "timestamp;value\n2024-01-01 00:00:00;1\n", 1, /separated by `;`.*commas/],
    ["tab-separated fields", "timestamp\tvalue\n2024-01-01 00:00:00\t1\n", 1, /separated by tabs.*commas/],
    ["a bad timestamp", "timestamp,value\n2024-13-01 00:00:00,1\n", 2, /not a timestamp/],
    ["unsorted rows", "t,v\n2024-01-01 00:10:00,1\n2024-01-01 00:05:00,2\n", 3, /earlier than the one on line 2 and not a repeat.*sort/],
    ["three columns and none named value", "time,a,b\n2024-01-01 00:00:00,1,2\n", 1, /none named `value`/],
    ["a row shorter than the header", "timestamp,value,label\n2024-01-01 00:00:00,1\n", 2, /expected 3 fields/],
    ["too few rows once repeats are counted once", "t,v\n2024-01-01 00:00:00,1\n2024-01-01 00:00:00,2\n2024-01-01 00:05:00,3\n", 4, /only 2 distinct/],
    ["too few rows", "t,v\n2024-01-01 00:00:00,1\n", 2, /at least 3/],
    ["a missing field", "t,v\n2024-01-01 00:00:00\n", 2, /expected 2 fields/],
  ])("rejects %s, naming the line", (_, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`in.csv:${line}:`)).toBe(true);
  });

  it("reads CRLF and CR line ends as LF, and a byte-order mark as nothing", () => {
    const lf = "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,2\n2024-01-01 00:10:00,3\n";
    expect(readSeriesCsv(lf.replace(/\n/g, "\r\n"), "in.csv")).toEqual(readSeriesCsv(lf, "in.csv"));
    expect(readSeriesCsv(`\uFEFF${lf.replace(/\n/g, "\r")}`, "in.csv")).toEqual(readSeriesCsv(lf, "in.csv"));
    expect(errorOf("t,v\r\n2024-01-01 00:00:00,1\r\n2024-01-01 00:05:00,x\r\n").line).toBe(3);
  });

  it("treats an empty value cell as a gap", () => {
    const text = "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:05:00,\n2024-01-01 00:10:00,3\n2024-01-01 00:15:00,4\n";
    const rows = readSeriesRows(text, "in.csv");
    expect(rows.values).toEqual([1, 3, 4]);
    expect(rows.lines).toEqual([2, 4, 5]);
    expect(rows.emptyValues).toBe(1);
    const csv = readSeriesCsv(text, "in.csv");
    expect(csv.stepSeconds).toBe(300);
    expect(csv.timestamps[1] - csv.timestamps[0]).toBe(600_000);
    expect(csv.emptyValues).toBe(1);
  });

  it("reads the `value` column of a labelled file and ignores the others", () => {
    const rows = readSeriesRows("timestamp,value,label\n2017-08-25 12:26:00,16.25,0\n2017-08-25 12:27:00,17,1\n2017-08-25 12:28:00,,0\n2017-08-25 12:29:00,15.5,0\n", "kpi.csv");
    expect(rows.values).toEqual([16.25, 17, 15.5]);
    expect(rows.emptyValues).toBe(1);
  });

  // Verbatim rows of NAB's realKnownCause/ec2_request_latency_system_failure.csv (lines 555–561; numenta/NAB, MIT,
  // © Numenta Inc., licence in testing/data/NAB-LICENSE.txt): the exporter wrote 03:00 five times at the
  // daylight-saving change.
  const dst = [
    "timestamp,value",
    "2014-03-09 01:46:00,41.15",
    "2014-03-09 01:51:00,45.916000000000004",
    "2014-03-09 01:56:00,44.038000000000004",
    "2014-03-09 03:00:00,44.611999999999995",
    "2014-03-09 03:00:00,43.578",
    "2014-03-09 03:00:00,47.018",
    "2014-03-09 03:00:00,46.456",
    "2014-03-09 03:00:00,44.368",
  ].join("\n");

  it("keeps repeated timestamps row by row for a streaming reader, and counts them", () => {
    const rows = readSeriesRows(dst, "ec2.csv");
    expect(rows.values).toHaveLength(8);
    expect(rows.repeatedRows).toBe(4);
    expect(rows.lines[7]).toBe(9);
  });

  it("merges repeated timestamps by the mean of their values for a gridded reader", () => {
    const csv = readSeriesCsv(dst, "ec2.csv");
    expect(csv.timestamps).toHaveLength(4);
    expect(csv.mergedRepeats).toBe(4);
    expect(csv.values[3]).toBeCloseTo((44.611999999999995 + 43.578 + 47.018 + 46.456 + 44.368) / 5, 12);
    expect(csv.stepSeconds).toBe(300);
    expect(csv.movedToGrid).toBe(1); // 03:00 is 64 minutes after 01:56, off the 5-minute grid that starts at 01:46
  });

  it("accepts a clock set back (an hour written twice) as repeats, and refuses a jump back to times never seen", () => {
    const hour = (h: number) => Array.from({ length: 4 }, (_, i) => `2014-01-07 0${h}:${String(i * 15).padStart(2, "0")}:00,${h}${i}`);
    const setBack = ["timestamp,value", ...hour(1), ...hour(2), ...hour(2), ...hour(3)].join("\n");
    const rows = readSeriesRows(setBack, "m.csv");
    expect(rows.values).toHaveLength(16);
    expect(rows.repeatedRows).toBe(4);
    expect(readSeriesCsv(setBack, "m.csv").timestamps).toHaveLength(12);
    const jump = errorOf(["timestamp,value", ...hour(2), "2014-01-07 01:50:00,1"].join("\n"));
    expect(jump.line).toBe(6);
    expect(jump.message).toMatch(/earlier than the one on line 5 and not a repeat/);
  });
});
