import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { icnaDashboard, promPanel } from "./panels";

/** Patterns drawn: the watcher exports its top-K surging patterns (10 by default); the panels keep the 10 largest. */
const TOP = 10;

/**
 * The log patterns the anomaly watcher's triage finds (when it has a log source): the top surging
 * patterns with their entry counts and surge scores, the new-pattern count, and the triage runs.
 */
export function logsDashboard(): dashboard.Dashboard {
  return icnaDashboard("icna-logs", "ICNA / Logs", "Log patterns that rose in the watcher's latest incident window against the baseline before it (redacted templates, top-K only), and the watcher's log triage runs.")
    .withPanel(
      promPanel("Top surging log patterns", "Entries per pattern in the latest incident window (15 minutes by default), for the patterns whose rate rose most against the baseline; templates are redacted and cut at 100 characters.", [
        { expr: `topk(${TOP}, max by (pattern_id, template) (icna_log_pattern_lines))`, legend: "{{template}}" },
      ], "short"),
    )
    .withPanel(
      promPanel("Surge score", "-log10 p of the one-sided Poisson rate test of each pattern's rate in the incident window against the baseline: 2 is p = 0.01, and the triage's hypotheses start there.", [
        { expr: `topk(${TOP}, max by (pattern_id, template) (icna_log_pattern_surge_score))`, legend: "{{template}}" },
      ], "short"),
    )
    .withPanel(
      promPanel("New log patterns", "Patterns in the latest incident window that the baseline never saw and whose rise is significant (p < 0.01).", [{ expr: "max(icna_log_new_patterns)", legend: "new patterns" }], "short", 12),
    )
    .withPanel(
      promPanel("Log entries in the incident window", "Log entries with a timestamp in the latest incident window: a drop to 0 means the logs stopped arriving (or triage cannot read them).", [{ expr: "max(icna_log_window_entries)", legend: "entries" }], "short", 12),
    )
    .withPanel(
      promPanel("Log triage runs", "Triage runs per hour, for new alerts and for the periodic pattern scan, by outcome; a failed run still lets its alert out, saying why in the alert.", [
        { expr: "sum by (reason, outcome) (increase(icna_watch_triage_runs_total[1h]))", legend: "{{reason}} {{outcome}}" },
      ], "short", 12),
    )
    .withPanel(
      promPanel("Log triage duration", "How long the latest triage took; the watcher's deadline (20 s by default) bounds it.", [{ expr: "max(icna_watch_triage_duration_seconds)", legend: "latest run" }], "s", 12),
    )
    .build();
}
