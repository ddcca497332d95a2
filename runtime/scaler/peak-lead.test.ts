import { MAX_LEAD_SEARCH_MINUTES } from "../simulate/outcome";
import { peakLeadsOf, readyReplicasQuery } from "./peak-lead";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MIDNIGHT = Date.UTC(2026, 11, 1);
/** Two whole days and the lead search before the first: the window measurePeakLeads reads. */
const START = MIDNIGHT - MAX_LEAD_SEARCH_MINUTES * MINUTE_MS;
const LENGTH = MAX_LEAD_SEARCH_MINUTES + 2 * 1440;
const minuteOf = (ms: number) => (ms - START) / MINUTE_MS;

/** 100 all day but a 15-minute peak of 500 at 14:00 UTC each day; one pod (100 at 100%) until scaling to five at `scaledUp[day]`. */
function day(scaledUp: readonly number[]): { demand: Float64Array; replicas: Float64Array } {
  const demand = new Float64Array(LENGTH).fill(100);
  const replicas = new Float64Array(LENGTH).fill(1);
  scaledUp.forEach((upAt, d) => {
    const peak = minuteOf(MIDNIGHT + d * DAY_MS + 14 * 60 * MINUTE_MS);
    demand.fill(500, peak, peak + 15);
    replicas.fill(5, minuteOf(upAt), peak + 60);
  });
  return { demand, replicas };
}

describe("peakLeadsOf: the lead on each whole day's peak, as icna simulate scores it", () => {
  const at = (d: number, h: number, m: number) => MIDNIGHT + d * DAY_MS + (h * 60 + m) * MINUTE_MS;

  it("counts minutes of ready capacity before the peak, and negative minutes when it came after", () => {
    const { demand, replicas } = day([at(0, 13, 40), at(1, 14, 5)]);
    expect(peakLeadsOf(demand, replicas, START, 100)).toEqual([
      { peakStartMs: at(0, 14, 0), leadMinutes: 20 },
      { peakStartMs: at(1, 14, 0), leadMinutes: -5 },
    ]);
  });

  it("measures capacity at 100% of each ready pod: four pods of 100 never cover a peak of 500", () => {
    const { demand, replicas } = day([at(0, 13, 40), at(1, 13, 40)]);
    replicas.forEach((r, i) => (replicas[i] = r === 5 ? 4 : r));
    expect(peakLeadsOf(demand, replicas, START, 100).map((l) => l.leadMinutes)).toEqual([-MAX_LEAD_SEARCH_MINUTES, -MAX_LEAD_SEARCH_MINUTES]);
  });

  it("skips a day whose ready replicas are mostly unknown (kube-state-metrics not scraped), instead of scoring it as uncovered", () => {
    const { demand, replicas } = day([at(0, 13, 40), at(1, 13, 40)]);
    replicas.fill(NaN, minuteOf(at(1, 0, 0)));
    expect(peakLeadsOf(demand, replicas, START, 100)).toEqual([{ peakStartMs: at(0, 14, 0), leadMinutes: 20 }]);
  });

  it("refuses series of different lengths", () => {
    expect(() => peakLeadsOf(new Float64Array(3), new Float64Array(2), START, 100)).toThrow(/3 minutes.*2/);
  });
});

describe("readyReplicasQuery", () => {
  it("joins KEDA's HPA to its Deployment's available replicas", () => {
    const query = readyReplicasQuery("shop/checkout");
    expect(query).toContain('horizontalpodautoscaler="keda-hpa-checkout"');
    expect(query).toContain('namespace="shop"');
    expect(query).toContain("kube_deployment_status_replicas_available");
  });

  it("refuses a key that is not namespace/name", () => {
    expect(() => readyReplicasQuery("checkout")).toThrow(/not namespace\/name/);
  });
});
