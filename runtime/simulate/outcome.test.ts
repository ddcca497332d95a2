import { MAX_LEAD_SEARCH_MINUTES, scoreOutcome } from "./outcome";

const DAY = 1440;

describe("scoreOutcome", () => {
  const startMs = Date.UTC(2024, 0, 1);
  const demand = new Float64Array(2 * DAY).fill(100);
  const capacity = new Float64Array(2 * DAY).fill(150);
  // Day 1: the busy hour 12:00–12:59 at 200, capacity raised to 250 at 11:30. Day 2: a burst at 18:00 capacity misses for 3 minutes.
  for (let m = 720; m < 780; m++) demand[m] = 200;
  for (let m = 690; m < 800; m++) capacity[m] = 250;
  for (let m = DAY + 1080; m < DAY + 1083; m++) demand[m] = 300;
  for (let m = DAY + 1083; m < DAY + 1100; m++) capacity[m] = 300;
  const outcome = scoreOutcome(demand, capacity, 6000, startMs);

  it("counts under-provisioned minutes and the worst shortfall", () => {
    expect(outcome.underProvisionedMinutes).toBe(3);
    expect(outcome.peakShortfallPercent).toBeCloseTo(50, 6);
    expect(outcome.podHours).toBe(100);
  });

  it("measures how long before each daily peak capacity covered it", () => {
    expect(outcome.dailyPeakLeadMinutes[0]).toBe(30);
    expect(outcome.dailyMaxMinuteLeadMinutes[0]).toBe(30);
    // The day-2 busiest 15 minutes average (3 × 300 + 12 × 100) / 15 = 140, always covered; the burst minute itself is covered 3 minutes late.
    expect(outcome.dailyPeakLeadMinutes[1]).toBeGreaterThan(100);
    expect(outcome.dailyMaxMinuteLeadMinutes[1]).toBe(-3);
  });

  it("says where each daily peak window starts, and stops searching a lead at the search limit", () => {
    expect(outcome.dailyPeakStartMinutes).toEqual([720, DAY + 1068]);
    expect(outcome.dailyPeakLeadMinutes[1]).toBe(MAX_LEAD_SEARCH_MINUTES);
  });
});

describe("scoreOutcome with gaps in the trace", () => {
  it("scores neither the minutes nor the peak of a day whose demand is unknown", () => {
    const startMs = Date.UTC(2024, 0, 1);
    const demand = new Float64Array(2 * DAY).fill(100);
    const capacity = new Float64Array(2 * DAY).fill(50);
    const known = new Uint8Array(2 * DAY).fill(1);
    known.fill(0, 0, DAY);
    const outcome = scoreOutcome(demand, capacity, 0, startMs, known);
    expect(outcome.underProvisionedMinutes).toBe(DAY);
    expect(outcome.dailyPeakLeadMinutes).toHaveLength(1);
    expect(scoreOutcome(demand, capacity, 0, startMs).dailyPeakLeadMinutes).toHaveLength(2);
  });
});
