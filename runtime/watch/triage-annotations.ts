import { alertSafeText } from "./alert-text";
import type { TriageOutcome } from "./log-triage";

/** Longest hypothesis title carried in an alert. */
const TITLE_CHARS = 240;

const hhmm = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

/**
 * The annotations a triage run adds to an alert: `log_triage` says what was compared (or why triage
 * failed: the alert goes out all the same), `log_hypotheses` lists the top hypotheses with their
 * confidence. Only hypothesis titles (built from redacted pattern templates) are carried, never a log
 * line; each title is cut at 240 characters, so the two stay under about 1.3 kB.
 */
export function triageAnnotations(outcome: TriageOutcome, max: number): Record<string, string> {
  if (!outcome.ok) return { log_triage: `failed after ${(outcome.durationMs / 1000).toFixed(1)} s: ${outcome.reason}; alert sent without log hypotheses` };
  const { incident, baseline } = outcome;
  const compared = `${outcome.incidentEntries} log entries ${hhmm(incident.start)}–${hhmm(incident.end)} UTC against ${hhmm(baseline.start)}–${hhmm(baseline.end)}`;
  const top = outcome.hypotheses.slice(0, max);
  if (top.length === 0) return { log_triage: `${compared}: no log pattern rose significantly (p < 0.01)` };
  return {
    log_triage: `${compared}: ${top.length} hypothes${top.length === 1 ? "is" : "es"} (deterministic)`,
    log_hypotheses: top.map((h, i) => `${i + 1}. [${h.confidence}] ${alertSafeText(h.title, TITLE_CHARS)}`).join("\n"),
  };
}
