import { log10BinomialUpperTail } from "./rate-test";
import type { Occurrence, RankedPattern, TimeWindow } from "./triage";

/** The anomalous minutes of one metric, from the anomaly detector. */
export interface MetricAnomalies {
  readonly metric: string;
  /** Epoch ms of every point of the series. */
  readonly points: readonly number[];
  /** Epoch ms of the points the detector flagged. */
  readonly anomalies: readonly number[];
}

/** How often a pattern's entries came shortly before a metric's anomalies. */
export interface Correlation {
  readonly pattern: string;
  readonly template: string;
  readonly metric: string;
  /** Anomalous points of the metric in the incident window. */
  readonly anomaly_points: number;
  /** Of those, how many had an entry of the pattern within `lead_minutes` before them. */
  readonly preceded: number;
  readonly share: number;
  /** The same share over all the metric's points in the window: how often the pattern precedes any point. */
  readonly base_share: number;
  readonly lead_minutes: number;
  /** Chance of at least `preceded` of the anomaly points following the pattern if they fell at random points (binomial at base_share). */
  readonly p_value: number;
}

const MINUTE = 60_000;

function precededShare(times: readonly number[], sortedOccurrences: readonly number[], leadMs: number): number {
  if (times.length === 0) return 0;
  let hits = 0;
  for (const t of times) {
    // Binary search for the first occurrence at or after t - leadMs.
    let lo = 0;
    let hi = sortedOccurrences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedOccurrences[mid] < t - leadMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sortedOccurrences.length && sortedOccurrences[lo] <= t) hits++;
  }
  return hits / times.length;
}

/**
 * For each ranked pattern and metric: the share of the metric's anomalous points in the incident
 * window that follow an entry of the pattern within `leadMinutes`, kept when at least `minShare` and
 * above the share over all the metric's points (a pattern logged every minute precedes everything).
 */
export function correlate(
  patterns: readonly RankedPattern[],
  occurrences: readonly Occurrence[],
  metrics: readonly MetricAnomalies[],
  incident: TimeWindow,
  leadMinutes = 2,
  minShare = 0.5,
): Correlation[] {
  const leadMs = leadMinutes * MINUTE;
  const times = new Map<string, number[]>();
  for (const o of occurrences) {
    const list = times.get(o.pattern);
    if (list) list.push(o.time);
    else times.set(o.pattern, [o.time]);
  }
  for (const list of times.values()) list.sort((a, b) => a - b);
  const within = (t: number): boolean => t >= incident.start && t < incident.end;
  const out: Correlation[] = [];
  for (const metric of metrics) {
    const anomalies = metric.anomalies.filter(within);
    const points = metric.points.filter(within);
    if (anomalies.length === 0) continue;
    for (const pattern of patterns) {
      const occurrencesOf = times.get(pattern.id) ?? [];
      const share = precededShare(anomalies, occurrencesOf, leadMs);
      const base = precededShare(points, occurrencesOf, leadMs);
      if (share >= minShare && share > base) {
        const preceded = Math.round(share * anomalies.length);
        out.push({
          pattern: pattern.id,
          template: pattern.template,
          metric: metric.metric,
          anomaly_points: anomalies.length,
          preceded,
          share,
          base_share: base,
          lead_minutes: leadMinutes,
          p_value: 10 ** log10BinomialUpperTail(preceded, anomalies.length, base),
        });
      }
    }
  }
  return out.sort((a, b) => a.p_value - b.p_value || b.share - a.share);
}
