import { PEAK_WINDOW_MINUTES } from "./outcome";
import type { SimulationResult, TimelinePoint } from "./simulation";

/** The series the chart draws, as its legend names them. */
export const CHART_SERIES = ["demand", "reactive HPA capacity", "PSE capacity", "PSE forecast (upper quantile)"] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

/** The two autoscalers, as the under-provisioning strip names them. */
export const AUTOSCALERS = ["reactive HPA", "PSE"] as const;
export type Autoscaler = (typeof AUTOSCALERS)[number];

/** Bucket widths the overview may use, in minutes: the smallest that keeps at most {@link MAX_BUCKETS} buckets wins. */
const BUCKET_LADDER_MINUTES = [1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const MAX_BUCKETS = 720;
/** The zoomed peak shows this long before the peak window begins and after it ends. */
export const ZOOM_BEFORE_MINUTES = 120;
export const ZOOM_AFTER_MINUTES = 45;

/** One series over one bucket: every series is aggregated by the same rule. */
export interface BucketRow {
  readonly startMs: number;
  readonly endMs: number;
  readonly series: ChartSeries;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
}

/** Minutes in a bucket where demand exceeded what the autoscaler's ready pods serve at 100%. */
export interface UnderProvisionedRow {
  readonly startMs: number;
  readonly endMs: number;
  readonly autoscaler: Autoscaler;
  readonly minutes: number;
}

/** The daily peak the chart zooms on, and how long before it each autoscaler's capacity covered it. */
export interface FocusPeak {
  /** Start of the UTC day, epoch ms. */
  readonly dayStartMs: number;
  /** The day's busiest {@link PEAK_WINDOW_MINUTES} minutes. */
  readonly peakStartMs: number;
  readonly peakEndMs: number;
  /** Mean demand over the peak window: the level capacity has to cover. */
  readonly peakLevel: number;
  readonly reactiveLeadMinutes: number;
  readonly predictiveLeadMinutes: number;
  /** Why this day: the PSE's smallest lead of the replay (its worst-led peak). */
  readonly reason: string;
}

/** Everything the chart draws, derived from a replay. */
export interface ChartData {
  readonly bucketMinutes: number;
  readonly overview: BucketRow[];
  readonly underProvisioned: UnderProvisionedRow[];
  /** The focus day at the trace's own step (no aggregation), absent when the replay scored no whole day. */
  readonly focus?: { readonly peak: FocusPeak; readonly day: BucketRow[]; readonly dayUnder: UnderProvisionedRow[]; readonly zoom: BucketRow[]; readonly zoomUnder: UnderProvisionedRow[] };
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMinutes: number;
}

/** The smallest bucket width of the ladder (a multiple of the trace step) that keeps the overview at most {@link MAX_BUCKETS} buckets. */
export function overviewBucketMinutes(totalMinutes: number, stepMinutes: number): number {
  const fits = BUCKET_LADDER_MINUTES.find((width) => width >= stepMinutes && width % stepMinutes === 0 && totalMinutes / width <= MAX_BUCKETS);
  return fits ?? Math.ceil(totalMinutes / MAX_BUCKETS / stepMinutes) * stepMinutes;
}

/** Mean, lowest and highest of each series per bucket of `bucketMinutes`, aligned to UTC (a dip within a bucket shows in its mean and its lowest). */
export function aggregate(points: readonly TimelinePoint[], stepMinutes: number, bucketMinutes: number): BucketRow[] {
  const width = bucketMinutes * 60_000;
  const buckets = new Map<number, TimelinePoint[]>();
  for (const point of points) {
    const start = Math.floor(point.timestampMs / width) * width;
    const bucket = buckets.get(start);
    if (bucket) bucket.push(point);
    else buckets.set(start, [point]);
  }
  const rows: BucketRow[] = [];
  for (const [startMs, slice] of buckets) {
    const endMs = Math.max(startMs + width, slice[slice.length - 1].timestampMs + stepMinutes * 60_000);
    const values: Record<ChartSeries, number[]> = {
      demand: slice.map((p) => p.demand),
      "reactive HPA capacity": slice.map((p) => p.reactiveCapacity),
      "PSE capacity": slice.map((p) => p.predictiveCapacity),
      "PSE forecast (upper quantile)": slice.map((p) => p.forecast).filter(Number.isFinite),
    };
    for (const series of CHART_SERIES) {
      const v = values[series];
      if (v.length === 0) continue;
      rows.push({ startMs, endMs: Math.min(endMs, startMs + width), series, mean: v.reduce((a, b) => a + b, 0) / v.length, min: Math.min(...v), max: Math.max(...v) });
    }
  }
  return rows;
}

/** Minutes per bucket in which demand exceeded each autoscaler's ready capacity (buckets with none are left out). */
export function underProvisionedMinutes(points: readonly TimelinePoint[], stepMinutes: number, bucketMinutes: number): UnderProvisionedRow[] {
  const width = bucketMinutes * 60_000;
  const counts = new Map<string, UnderProvisionedRow>();
  for (const point of points) {
    const startMs = Math.floor(point.timestampMs / width) * width;
    const short: Array<[Autoscaler, number]> = [
      ["reactive HPA", point.reactiveCapacity],
      ["PSE", point.predictiveCapacity],
    ];
    for (const [autoscaler, capacity] of short) {
      if (!(point.demand > capacity + 1e-9)) continue;
      const key = `${autoscaler}@${startMs}`;
      const row = counts.get(key) ?? { startMs, endMs: startMs + width, autoscaler, minutes: 0 };
      counts.set(key, { ...row, minutes: row.minutes + stepMinutes });
    }
  }
  return [...counts.values()];
}

/** The scored day whose peak the PSE led least (ties: the higher peak), with both autoscalers' leads; undefined when no whole day was scored. */
export function focusPeak(result: SimulationResult): FocusPeak | undefined {
  const starts = result.predictive.dailyPeakStartMinutes;
  if (starts.length === 0) return undefined;
  const levelAt = (minute: number) => meanDemand(result, minute, minute + PEAK_WINDOW_MINUTES);
  let chosen = 0;
  for (let i = 1; i < starts.length; i++) {
    const [lead, best] = [result.predictive.dailyPeakLeadMinutes[i], result.predictive.dailyPeakLeadMinutes[chosen]];
    if (lead < best || (lead === best && levelAt(starts[i]) > levelAt(starts[chosen]))) chosen = i;
  }
  const peakStartMs = result.startMs + starts[chosen] * 60_000;
  const lead = result.predictive.dailyPeakLeadMinutes[chosen];
  return {
    dayStartMs: Math.floor(peakStartMs / 86_400_000) * 86_400_000,
    peakStartMs,
    peakEndMs: peakStartMs + PEAK_WINDOW_MINUTES * 60_000,
    peakLevel: levelAt(starts[chosen]),
    reactiveLeadMinutes: result.reactive.dailyPeakLeadMinutes[chosen],
    predictiveLeadMinutes: lead,
    reason: starts.length === 1 ? "the only whole day replayed" : `the day the PSE led its peak least (of ${starts.length} days)`,
  };
}

/** The replay reduced to what the chart draws. */
export function chartData(result: SimulationResult): ChartData {
  const points = result.timeline;
  const stepMinutes = points.length > 1 ? Math.round((points[1].timestampMs - points[0].timestampMs) / 60_000) : 1;
  const bucketMinutes = overviewBucketMinutes(result.simulatedMinutes, stepMinutes);
  const peak = focusPeak(result);
  const within = (from: number, to: number) => points.filter((p) => p.timestampMs >= from && p.timestampMs < to);
  const atStep = (slice: TimelinePoint[]) => ({ rows: aggregate(slice, stepMinutes, stepMinutes), under: underProvisionedMinutes(slice, stepMinutes, stepMinutes) });
  const day = peak && atStep(within(peak.dayStartMs, peak.dayStartMs + 86_400_000));
  const zoom = peak && atStep(within(peak.peakStartMs - ZOOM_BEFORE_MINUTES * 60_000, peak.peakEndMs + ZOOM_AFTER_MINUTES * 60_000));
  return {
    bucketMinutes,
    overview: aggregate(points, stepMinutes, bucketMinutes),
    underProvisioned: underProvisionedMinutes(points, stepMinutes, bucketMinutes),
    focus: peak && day && zoom ? { peak, day: day.rows, dayUnder: day.under, zoom: zoom.rows, zoomUnder: zoom.under } : undefined,
    startMs: result.startMs,
    endMs: result.startMs + result.simulatedMinutes * 60_000,
    stepMinutes,
  };
}

/** Mean demand over replay minutes [from, to) from the timeline (demand is constant within a trace step). */
function meanDemand(result: SimulationResult, from: number, to: number): number {
  const points = result.timeline;
  const stepMs = points.length > 1 ? points[1].timestampMs - points[0].timestampMs : 60_000;
  let sum = 0;
  for (let minute = from; minute < to; minute++) {
    const index = Math.min(points.length - 1, Math.floor((minute * 60_000) / stepMs));
    sum += points[index].demand;
  }
  return sum / (to - from);
}
