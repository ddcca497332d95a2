import { stripControlCharacters } from "../../review/llm/control-characters";
import { durationMs } from "../prometheus/duration";
import type { Hypothesis } from "../logs/hypotheses";
import { triageIncident } from "../logs/incident-triage";
import type { RankedPattern, TimeWindow } from "../logs/triage";
import { alertSafeText } from "./alert-text";
import type { LogReader } from "./log-reader";
import type { LogTriageConfig } from "./log-triage-config";
import { triageAnnotations } from "./triage-annotations";
import type { WatchMetrics } from "./watch-metrics";

/** What one triage run found, or why it found nothing; never raw log lines. */
export type TriageOutcome =
  | {
      readonly ok: true;
      readonly incident: TimeWindow;
      readonly baseline: TimeWindow;
      readonly hypotheses: readonly Hypothesis[];
      readonly patterns: readonly RankedPattern[];
      /** Entries with a timestamp in the incident window. */
      readonly incidentEntries: number;
      readonly durationMs: number;
    }
  | { readonly ok: false; readonly incident: TimeWindow; readonly reason: string; readonly durationMs: number };

type WithoutDuration<T> = T extends unknown ? Omit<T, "durationMs"> : never;

/** Why a run is made: a new alert asks for hypotheses, or the pattern metrics are due. */
export type TriageReason = "alert" | "scan";

/** Patterns ranked per run: enough to count the new ones; the metrics export only the top-K. */
const RANKED = 1000;
const LABEL_CHARS = 100;

/**
 * Log triage for the watcher: reads the logs of the incident window (before the anomalous point, up to
 * now) and of the baseline before it, ranks the patterns that rose, and returns the deterministic
 * hypotheses. A run never throws and never outlasts its deadline: an unreadable source, no entry in
 * the window or the deadline make a failed outcome that says why. Each run refreshes the log-pattern
 * metrics (top-K surging patterns, new-pattern count, runs and duration).
 */
export class LogTriage {
  private readonly windowMs: number;
  private readonly baselineMs: number;
  private readonly deadlineMs: number;
  private readonly scanEveryMs: number;
  private lastRunMs: number | undefined;

  constructor(
    readonly config: LogTriageConfig,
    private readonly reader: LogReader,
    private readonly metrics: WatchMetrics,
  ) {
    this.windowMs = durationMs(config.window);
    this.baselineMs = durationMs(config.baseline);
    this.deadlineMs = durationMs(config.deadline);
    this.scanEveryMs = durationMs(config.scanEvery);
  }

  /** Whether the pattern metrics are due for a refresh (none yet, or older than `scanEvery`). */
  scanDue(nowMs: number): boolean {
    return this.lastRunMs === undefined || nowMs - this.lastRunMs >= this.scanEveryMs;
  }

  /** The incident window (`window` before the anomalous point, up to now) and the baseline just before it. */
  windows(anomalyMs: number, nowMs: number): { incident: TimeWindow; baseline: TimeWindow } {
    const incident = { start: Math.min(anomalyMs, nowMs) - this.windowMs, end: nowMs + 1 };
    return { incident, baseline: { start: incident.start - this.baselineMs, end: incident.start } };
  }

  /** The annotations an alert carries for this outcome (the configured number of hypotheses). */
  annotate(outcome: TriageOutcome): Record<string, string> {
    return triageAnnotations(outcome, this.config.hypotheses);
  }

  async run(anomalyMs: number, nowMs: number, reason: TriageReason): Promise<TriageOutcome> {
    this.lastRunMs = nowMs;
    const { incident, baseline } = this.windows(anomalyMs, nowMs);
    const started = performance.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new Error(`no answer within the ${this.config.deadline} deadline reading ${this.reader.describe}`);
        controller.abort(error);
        reject(error);
      }, this.deadlineMs);
    });
    const work = this.triage(incident, baseline, controller.signal);
    work.catch(() => undefined);
    let outcome: TriageOutcome;
    try {
      outcome = { ...(await Promise.race([work, deadline])), durationMs: performance.now() - started };
    } catch (error) {
      // Our own message (deadline, unreadable source): not log text, so not redacted; bounded all the same.
      const message = stripControlCharacters(error instanceof Error ? error.message : String(error)).slice(0, 300);
      outcome = { ok: false, incident, reason: message, durationMs: performance.now() - started };
    } finally {
      clearTimeout(timer);
    }
    this.record(outcome, reason);
    return outcome;
  }

  private async triage(incident: TimeWindow, baseline: TimeWindow, signal: AbortSignal): Promise<WithoutDuration<TriageOutcome>> {
    const mined = await this.reader.read({ start: baseline.start, end: incident.end }, signal);
    const incidentEntries = mined.occurrences.filter((o) => o.time >= incident.start && o.time < incident.end).length;
    if (incidentEntries === 0) {
      const span = `${new Date(incident.start).toISOString()}/${new Date(incident.end).toISOString()}`;
      return { ok: false, incident, reason: `no log entry with a readable timestamp in the incident window ${span} (${mined.read} entries read from ${this.reader.describe}, ${mined.withoutTimestamp} without a timestamp)` };
    }
    const findings = triageIncident({ occurrences: mined.occurrences, templates: mined.templates, incident, baseline, top: RANKED });
    return { ok: true, incident, baseline, hypotheses: findings.hypotheses, patterns: findings.patterns, incidentEntries };
  }

  private record(outcome: TriageOutcome, reason: TriageReason): void {
    this.metrics.triageRuns.inc({ reason, outcome: outcome.ok ? "ok" : "failed" });
    this.metrics.triageSeconds.set(outcome.durationMs / 1000);
    if (!outcome.ok) return;
    this.metrics.logPatternLines.reset();
    this.metrics.logPatternSurge.reset();
    for (const p of outcome.patterns.filter((x) => x.score > 0).slice(0, this.config.metricsTop)) {
      const labels = { pattern_id: p.id, template: alertSafeText(p.template, LABEL_CHARS) };
      this.metrics.logPatternLines.set(labels, p.incident_count);
      this.metrics.logPatternSurge.set(labels, p.score);
    }
    this.metrics.logNewPatterns.set(outcome.patterns.filter((p) => p.new && p.score >= 2).length);
    this.metrics.logWindowEntries.set(outcome.incidentEntries);
  }
}
