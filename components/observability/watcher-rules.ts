/** One Prometheus alerting rule. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/**
 * Alerts about the watcher itself, for a PrometheusRule: it is down, it cannot read Prometheus, or it
 * cannot deliver alerts; with log triage, also when every triage run of the last 30 minutes failed.
 * (Anomalies themselves go straight to Alertmanager with their explanation.)
 */
export function watcherRules(job: string, namespace: string, options: { readonly logTriage?: boolean } = {}): AlertRule[] {
  const selector = `job="${job}",namespace="${namespace}"`;
  const runs = (outcome: string): string => `sum(increase(icna_watch_triage_runs_total{${selector},outcome="${outcome}"}[30m]))`;
  const logTriage: AlertRule[] = [
    {
      alert: "IcnaWatcherLogTriageFailing",
      // `unless`: a watcher whose runs have all failed since it started has no ok series at all.
      expr: `${runs("failed")} > 0 unless ${runs("ok")} > 0`,
      for: "0m",
      labels: { severity: "warning" },
      annotations: { summary: "The ICNA anomaly watcher cannot triage its logs", description: "Every log triage run of the last 30 minutes failed (logs unreadable, empty or too slow): alerts go out without log hypotheses; the watcher's log and the alerts' log_triage annotation say why." },
    },
  ];
  return [
    {
      alert: "IcnaWatcherDown",
      expr: `absent(up{${selector}} == 1)`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: { summary: "The ICNA anomaly watcher is not being scraped", description: `No healthy target for ${selector} for 5 minutes: anomalies are not being detected.` },
    },
    {
      alert: "IcnaWatcherPrometheusUnreachable",
      expr: `max(icna_watch_prometheus_up{${selector}}) == 0`,
      for: "5m",
      labels: { severity: "warning" },
      annotations: { summary: "The ICNA anomaly watcher cannot read Prometheus", description: "Scores are stale; the watcher catches up once Prometheus answers." },
    },
    {
      alert: "IcnaWatcherAlertDeliveryFailing",
      expr: `increase(icna_watch_alert_failures_total{${selector}}[15m]) > 0`,
      for: "0m",
      labels: { severity: "warning" },
      annotations: { summary: "The ICNA anomaly watcher cannot reach Alertmanager", description: "Anomaly alerts are queued in the watcher and retried every interval." },
    },
    ...(options.logTriage ? logTriage : []),
  ];
}
