import { durationMs, durationSchema, formatDuration, parseDuration } from "./duration";

describe("durations", () => {
  it("reads seconds, minutes, hours and days", () => {
    expect(["30s", "5m", "1h", "2d"].map(parseDuration)).toEqual([30_000, 300_000, 3_600_000, 172_800_000]);
  });

  it("refuses what is not a whole count and a unit, naming the accepted form", () => {
    expect(parseDuration("1.5h")).toBeUndefined();
    expect(parseDuration("5 minutes")).toBeUndefined();
    const result = durationSchema.safeParse("soon");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("must be a duration like 30s, 5m, 1h, 2d");
  });

  it("durationMs throws on text the schema would have refused", () => {
    expect(durationMs("15m")).toBe(900_000);
    expect(() => durationMs("15")).toThrow(/"15" is not a duration like 30s, 5m, 1h or 2d/);
  });

  it("formatDuration writes what parseDuration reads, in the largest unit that fits", () => {
    expect([300_000, 90_000, 7_200_000, 172_800_000].map(formatDuration)).toEqual(["5m", "90s", "2h", "2d"]);
    expect(["30s", "5m", "1h", "2d"].map((d) => formatDuration(durationMs(d)))).toEqual(["30s", "5m", "1h", "2d"]);
    expect(formatDuration(250)).toBe("250ms");
  });
});
