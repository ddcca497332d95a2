import { Counter, Gauge, Registry } from "prom-client";

/** The watcher's own metrics: scores, expected bands and its health, for Prometheus to scrape. */
export class WatchMetrics {
  readonly registry = new Registry();
  readonly score = new Gauge({ name: "icna_anomaly_score", help: "Latest anomaly score (0-1) of a signal", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly value = new Gauge({ name: "icna_anomaly_value", help: "Latest value of a signal as read from Prometheus", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly expectedLow = new Gauge({ name: "icna_anomaly_expected_low", help: "Lower edge of the band the detector expected", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly expectedHigh = new Gauge({ name: "icna_anomaly_expected_high", help: "Upper edge of the band the detector expected", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly prometheusUp = new Gauge({ name: "icna_watch_prometheus_up", help: "1 when the last read from Prometheus succeeded, 0 during an outage", registers: [this.registry] });
  readonly lastSuccess = new Gauge({ name: "icna_watch_last_success_timestamp_seconds", help: "Time of the last successful read from Prometheus", registers: [this.registry] });
  readonly signalUp = new Gauge({ name: "icna_watch_signal_up", help: "1 when the signal's last read was scored, 0 when its query failed (see the log)", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly signalErrors = new Counter({ name: "icna_watch_signal_errors_total", help: "Reads of a signal that failed for the signal's own reason (query refused, too large, malformed)", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly alertsSent = new Counter({ name: "icna_watch_alerts_sent_total", help: "Alerts sent to Alertmanager", labelNames: ["signal", "colour"], registers: [this.registry] });
  readonly alertFailures = new Counter({ name: "icna_watch_alert_failures_total", help: "Failed attempts to reach Alertmanager", registers: [this.registry] });
  readonly logPatternLines = new Gauge({ name: "icna_log_pattern_lines", help: "Entries of a surging log pattern in the latest incident window (top-K patterns only; template redacted and truncated)", labelNames: ["pattern_id", "template"], registers: [this.registry] });
  readonly logPatternSurge = new Gauge({ name: "icna_log_pattern_surge_score", help: "Surge score of a log pattern in the latest incident window against its baseline: -log10 p of the one-sided Poisson rate test (top-K only)", labelNames: ["pattern_id", "template"], registers: [this.registry] });
  readonly logNewPatterns = new Gauge({ name: "icna_log_new_patterns", help: "Log patterns in the latest incident window that the baseline never saw and whose rate test is significant (p < 0.01)", registers: [this.registry] });
  readonly logWindowEntries = new Gauge({ name: "icna_log_window_entries", help: "Log entries with a timestamp in the latest incident window", registers: [this.registry] });
  readonly triageRuns = new Counter({ name: "icna_watch_triage_runs_total", help: "Log triage runs, for an alert or a periodic pattern scan, by outcome (ok, failed)", labelNames: ["reason", "outcome"], registers: [this.registry] });
  readonly triageSeconds = new Gauge({ name: "icna_watch_triage_duration_seconds", help: "How long the latest log triage took (bounded by its deadline)", registers: [this.registry] });
}
