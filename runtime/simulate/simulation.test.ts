import type { RegularSeries } from "../forecast/regular-series";
import { DEFAULT_SIMULATION, forecastGrid, runSimulation, type SimulationOptions } from "./simulation";

/** Daily traffic with a steep morning ramp (quiet night, busy day), 15-minute steps, small noise. */
function dailyRamp(days: number): RegularSeries {
  let state = 5;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const values = Float64Array.from({ length: days * 96 }, (_, i) => {
    const hour = (i % 96) / 4;
    const busy = hour < 7 ? 0 : hour < 9 ? (hour - 7) / 2 : hour < 19 ? 1 : hour < 22 ? (22 - hour) / 3 : 0;
    return (200 + 1800 * busy) * (1 + 0.03 * noise());
  });
  return { startMs: Date.UTC(2024, 2, 4), stepSeconds: 900, values };
}

const options: SimulationOptions = {
  ...DEFAULT_SIMULATION,
  cluster: { ...DEFAULT_SIMULATION.cluster, capacityPerPod: 100 },
  predictive: { ...DEFAULT_SIMULATION.predictive, historyDays: 8, refitHours: 12 },
  simulateDays: 3,
};

describe("runSimulation", () => {
  const result = runSimulation(dailyRamp(12), options);

  it("replays the last days minute by minute with a forecast all along", () => {
    expect(result.simulatedMinutes).toBe(3 * 1440);
    expect(result.startMs).toBe(Date.UTC(2024, 2, 13));
    expect(result.leadMinutes).toBe(5);
    expect(result.fallbackMinutes).toBe(0);
    expect(result.timeline).toHaveLength(3 * 96);
    expect(result.timeline.filter((p) => Number.isFinite(p.forecast)).length).toBeGreaterThan(280);
  });

  it("lets the reactive HPA fall behind the morning ramp and the PSE stay ahead of it for about the same pod-hours", () => {
    expect(result.reactive.underProvisionedMinutes).toBeGreaterThan(0);
    expect(result.predictive.underProvisionedMinutes).toBeLessThan(result.reactive.underProvisionedMinutes);
    expect(result.predictive.podHours).toBeLessThan(1.1 * result.reactive.podHours);
    expect(result.predictive.dailyPeakLeadMinutes.every((lead) => lead >= 15)).toBe(true);
  });

  it("charts the forecast with a lead window that is not a whole number of minutes", () => {
    const replay = runSimulation(dailyRamp(12), { ...options, cluster: { ...options.cluster, podStartupMinutes: 1.5 }, simulateDays: 1 });
    expect(replay.leadMinutes).toBe(4.5);
    expect(replay.timeline.filter((p) => Number.isFinite(p.forecast)).length).toBeGreaterThan(90);
  });

  it("never shows capacity for pods before their start-up delay has passed", () => {
    const jump: RegularSeries = { startMs: Date.UTC(2024, 0, 1), stepSeconds: 900, values: Float64Array.from({ length: 400 }, (_, i) => (i < 390 ? 500 : 2000)) };
    const replay = runSimulation(jump, { ...options, simulateDays: 0.5 });
    const jumpPoint = replay.timeline.findIndex((p) => p.demand === 2000);
    expect(replay.timeline[jumpPoint].reactiveCapacity).toBeLessThan(2000);
    // Metric lag (1 min) + pod start-up (2) + node provisioning (3): covered within the 15-minute step after the jump.
    expect(replay.timeline[jumpPoint + 1].reactiveCapacity).toBeGreaterThanOrEqual(2000);
  });
});

describe("forecastGrid", () => {
  it("averages a finer trace onto the forecast step, keeping all-missing steps as gaps", () => {
    const grid = forecastGrid({ startMs: 0, stepSeconds: 60, values: Float64Array.from([1, 2, 3, 4, 5, NaN, NaN, NaN, NaN, NaN, 7]) }, 5);
    expect(grid.stepSeconds).toBe(300);
    expect(Array.from(grid.values)).toEqual([3, NaN, 7]);
  });
});
