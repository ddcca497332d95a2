import { formatTimestamp, parseTimestamp } from "./timestamp";

describe("formatTimestamp", () => {
  it("writes whole seconds as YYYY-MM-DD HH:MM:SS", () => {
    expect(formatTimestamp(Date.UTC(2024, 0, 31, 12, 5, 9))).toBe("2024-01-31 12:05:09");
  });

  it("keeps milliseconds, so sub-second steps do not print the same timestamp twice", () => {
    const start = parseTimestamp("2024-01-01T00:00:00.250Z")!;
    expect([0, 1, 2].map((k) => formatTimestamp(start + k * 500))).toEqual(["2024-01-01 00:00:00.250", "2024-01-01 00:00:00.750", "2024-01-01 00:00:01.250"]);
    expect(parseTimestamp(formatTimestamp(start + 500))).toBe(start + 500);
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["2024-01-31 12:05:09", Date.UTC(2024, 0, 31, 12, 5, 9)],
    ["2024-01-31T12:05Z", Date.UTC(2024, 0, 31, 12, 5)],
    ["2024-01-31T14:05:09.5+02:00", Date.UTC(2024, 0, 31, 12, 5, 9, 500)],
    ["2024-01-31", Date.UTC(2024, 0, 31)],
  ])("reads %s", (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each(["2024-02-30", "2024-1-31 00:00:00", "2024-01-31 24:00:00", "1706702709"])("refuses %s", (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
