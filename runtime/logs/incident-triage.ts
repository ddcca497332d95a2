import { correlate, type Correlation, type MetricAnomalies } from "./correlate";
import { buildHypotheses, summarise, type Hypothesis } from "./hypotheses";
import { rankPatterns, type Occurrence, type RankedPattern, type TimeWindow } from "./triage";

/** What triage works from: every entry's time and pattern, the windows, and metric anomalies. */
export interface TriageInput {
  readonly occurrences: readonly Occurrence[];
  readonly templates: ReadonlyMap<string, string>;
  readonly incident: TimeWindow;
  /** @default from the first entry to the incident's start */
  readonly baseline?: TimeWindow;
  readonly metrics?: readonly MetricAnomalies[];
  /** Patterns reported. @default 20 */
  readonly top?: number;
}

/** The deterministic part of a triage report. */
export interface TriageFindings {
  readonly patterns: RankedPattern[];
  readonly correlations: Correlation[];
  readonly hypotheses: Hypothesis[];
  readonly summary: string;
  readonly baseline: TimeWindow;
}

/** A window or data set triage cannot use; the message says which and how to fix it. */
export class TriageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TriageInputError";
  }
}

/** Ranks, correlates and explains: the same input always gives the same findings. */
export function triageIncident(input: TriageInput): TriageFindings {
  const { incident } = input;
  if (input.occurrences.length === 0)
    throw new TriageInputError(
      "no log entry with a readable timestamp: give logs whose lines start with a timestamp, or pass --format naming <Date>/<Time>",
    );
  // A loop, not Math.min(...times): spreading hundreds of thousands of arguments overflows the call stack.
  let first = Infinity;
  for (const o of input.occurrences) first = Math.min(first, o.time);
  const baseline = input.baseline ?? { start: first, end: incident.start };
  if (baseline.end <= baseline.start) {
    throw new TriageInputError(
      `the baseline window is empty (the logs start at ${new Date(first).toISOString()}, the incident at ${new Date(incident.start).toISOString()}): pass --baseline <start>/<end> or logs from before the incident`,
    );
  }
  if (baseline.start < incident.end && incident.start < baseline.end)
    throw new TriageInputError("--baseline overlaps --incident: give a baseline window outside the incident");
  const ranked = rankPatterns(input.occurrences, input.templates, incident, baseline);
  if (!ranked.length)
    throw new TriageInputError(
      `no log entry falls in the incident window ${new Date(incident.start).toISOString()}/${new Date(incident.end).toISOString()}: check --incident against the logs' time range`,
    );
  const patterns = ranked.slice(0, input.top ?? 20);
  const correlations = correlate(patterns.slice(0, 10), input.occurrences, input.metrics ?? [], incident);
  return {
    patterns,
    correlations,
    hypotheses: buildHypotheses(patterns, correlations),
    summary: summarise(ranked, correlations, input.occurrences.length),
    baseline,
  };
}
