import { rateIncreaseScore } from "./rate-test";

/** A time window [start, end) in epoch milliseconds. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** One entry's time and pattern. */
export interface Occurrence {
  readonly time: number;
  readonly pattern: string;
}

/** A pattern ranked by how much its rate rose in the incident window. */
export interface RankedPattern {
  readonly id: string;
  readonly template: string;
  /** Entries per minute in the baseline window. */
  readonly baseline_rate: number;
  /** Entries per minute in the incident window. */
  readonly incident_rate: number;
  readonly baseline_count: number;
  readonly incident_count: number;
  /** −log10 p of the one-sided Poisson rate test (exposure = window length); higher is more surprising. */
  readonly score: number;
  /** No entry of this pattern in the baseline. */
  readonly new: boolean;
}

const MINUTE = 60_000;

const inside = (w: TimeWindow, t: number): boolean => t >= w.start && t < w.end;

/**
 * Ranks the patterns seen in the incident window by a rate test against the baseline window (not by
 * raw counts: a pattern that is always frequent does not rank for being frequent), most surprising first.
 */
export function rankPatterns(
  occurrences: readonly Occurrence[],
  templates: ReadonlyMap<string, string>,
  incident: TimeWindow,
  baseline: TimeWindow,
): RankedPattern[] {
  const counts = new Map<string, { baseline: number; incident: number }>();
  for (const o of occurrences) {
    const inIncident = inside(incident, o.time);
    if (!inIncident && !inside(baseline, o.time)) continue;
    const c = counts.get(o.pattern) ?? { baseline: 0, incident: 0 };
    if (inIncident) c.incident++;
    else c.baseline++;
    counts.set(o.pattern, c);
  }
  const incidentMinutes = (incident.end - incident.start) / MINUTE;
  const baselineMinutes = (baseline.end - baseline.start) / MINUTE;
  const ranked: RankedPattern[] = [];
  for (const [id, c] of counts) {
    if (c.incident === 0) continue;
    ranked.push({
      id,
      template: templates.get(id) ?? id,
      baseline_rate: c.baseline / baselineMinutes,
      incident_rate: c.incident / incidentMinutes,
      baseline_count: c.baseline,
      incident_count: c.incident,
      score: rateIncreaseScore(c.incident, incidentMinutes, c.baseline, baselineMinutes),
      new: c.baseline === 0,
    });
  }
  return ranked.sort((a, b) => b.score - a.score || b.incident_count - a.incident_count || a.id.localeCompare(b.id));
}
