import { aggregate, chartData, focusPeak, overviewBucketMinutes, underProvisionedMinutes } from "./chart-data";
import type { AutoscalerOutcome } from "./outcome";
import type { SimulationResult, TimelinePoint } from "./simulation";

const START = Date.UTC(2024, 0, 1);
const point = (minute: number, demand: number, reactiveCapacity: number, predictiveCapacity: number, forecast = NaN): TimelinePoint => ({ timestampMs: START + minute * 60_000, demand, reactiveCapacity, predictiveCapacity, forecast });

describe("aggregate", () => {
  // One 10-minute bucket: demand steady at 100; the reactive HPA dips to 10 for one minute, the PSE holds 150.
  const points = Array.from({ length: 10 }, (_, m) => point(m, 100, m === 4 ? 10 : 150, 150, 120));
  const rows = aggregate(points, 1, 10);
  const row = (series: string) => rows.find((r) => r.series === series);

  it("applies the same rule to every series: a one-minute dip lowers the capacity's mean and shows as its lowest", () => {
    expect(row("reactive HPA capacity")).toMatchObject({ mean: 136, min: 10, max: 150 });
    expect(row("demand")).toMatchObject({ mean: 100, min: 100, max: 100 });
    expect(row("PSE capacity")).toMatchObject({ mean: 150, min: 150, max: 150 });
    expect(row("PSE forecast (upper quantile)")).toMatchObject({ mean: 120 });
  });

  it("leaves out a forecast the PSE did not have", () => {
    expect(aggregate([point(0, 1, 2, 2)], 1, 10).map((r) => r.series)).not.toContain("PSE forecast (upper quantile)");
  });

  it("counts under-provisioned minutes per bucket and autoscaler", () => {
    expect(underProvisionedMinutes(points, 1, 10)).toEqual([{ startMs: START, endMs: START + 600_000, autoscaler: "reactive HPA", minutes: 1 }]);
    expect(underProvisionedMinutes([point(0, 100, 50, 50), point(5, 100, 50, 200)], 5, 60)).toEqual([
      { startMs: START, endMs: START + 3_600_000, autoscaler: "reactive HPA", minutes: 10 },
      { startMs: START, endMs: START + 3_600_000, autoscaler: "PSE", minutes: 5 },
    ]);
  });
});

describe("overviewBucketMinutes", () => {
  it.each([
    [2 * 1440, 1, 5],
    [14 * 1440, 1, 30],
    [14 * 1440, 15, 30],
    [31 * 1440, 5, 120],
    [300, 15, 15],
  ])("%d minutes at %d-minute steps: %d-minute buckets", (total, step, bucket) => {
    expect(overviewBucketMinutes(total, step)).toBe(bucket);
  });
});

function outcome(leads: number[], starts: number[]): AutoscalerOutcome {
  return { underProvisionedMinutes: 0, peakShortfallPercent: 0, podHours: 0, dailyPeakLeadMinutes: leads, dailyMaxMinuteLeadMinutes: leads, dailyPeakStartMinutes: starts };
}

describe("focusPeak", () => {
  // Three days at 1-minute steps; each day's peak window at 12:00, day 2's the highest.
  const timeline = Array.from({ length: 3 * 1440 }, (_, m) => point(m, m % 1440 >= 720 && m % 1440 < 735 ? 100 * (1 + Math.floor(m / 1440) % 2) : 10, 200, 200));
  const result = (predictiveLeads: number[]): SimulationResult => ({
    capacityPerPod: 10,
    leadMinutes: 5,
    simulatedMinutes: 3 * 1440,
    startMs: START,
    reactive: outcome([240, 240, 240], [720, 1440 + 720, 2880 + 720]),
    predictive: outcome(predictiveLeads, [720, 1440 + 720, 2880 + 720]),
    fallbackMinutes: 0,
    gapMinutes: 0,
    timeline,
  });

  it("zooms on the day the PSE led its peak least, with both leads and the peak's mean demand", () => {
    expect(focusPeak(result([60, 18, 30]))).toEqual({
      dayStartMs: START + 86_400_000,
      peakStartMs: START + 86_400_000 + 720 * 60_000,
      peakEndMs: START + 86_400_000 + 735 * 60_000,
      peakLevel: 200,
      reactiveLeadMinutes: 240,
      predictiveLeadMinutes: 18,
      reason: "the day the PSE led its peak least (of 3 days)",
    });
  });

  it("breaks a tie by the higher peak", () => {
    expect(focusPeak(result([20, 20, 20]))?.dayStartMs).toBe(START + 86_400_000);
  });

  it("draws the focus day at the trace step and the zoom around the peak; none when no day was scored", () => {
    const data = chartData(result([60, 18, 30]));
    expect(data.bucketMinutes).toBe(10);
    expect(data.focus?.day.filter((r) => r.series === "demand")).toHaveLength(1440);
    const zoomDemand = data.focus?.zoom.filter((r) => r.series === "demand") ?? [];
    expect(zoomDemand[0].startMs).toBe(START + 86_400_000 + (720 - 120) * 60_000);
    expect(zoomDemand).toHaveLength(120 + 15 + 45);
    expect(chartData({ ...result([]), predictive: outcome([], []) }).focus).toBeUndefined();
  });
});
