import { durationMs, durationSchema, parseDuration } from "./duration";

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
});
