import * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import { icnaDashboard, labelVariable, PROMETHEUS, promPanel } from "./panels";

const SEL = 'signal=~"$signal", colour=~"$colour"';

/** The anomaly watcher: each watched signal per colour with its expected band and score, alerts sent as annotations, and the watcher's own health. */
export function anomaliesDashboard(): dashboard.Dashboard {
  const signal = promPanel("Signal and expected band", "Each watched signal per colour as the watcher read it, between the lower and upper edge of the band its detector expected.", [
    { expr: `icna_anomaly_value{${SEL}}`, legend: "{{signal}} {{colour}}" },
    { expr: `icna_anomaly_expected_low{${SEL}}`, legend: "expected low {{signal}} {{colour}}" },
    { expr: `icna_anomaly_expected_high{${SEL}}`, legend: "expected high {{signal}} {{colour}}" },
  ], "short").overrideByRegexp("^expected (low|high) .*", [{ id: "custom.lineStyle", value: { fill: "dash", dash: [6, 4] } }, { id: "custom.lineWidth", value: 1 }]);
  return icnaDashboard("icna-anomalies", "ICNA / Anomalies", "The anomaly watcher's signals, expected bands and scores per colour; alerts it sent are annotations.")
    .withVariable(labelVariable("colour", "Colour", "icna_anomaly_score"))
    .withVariable(labelVariable("signal", "Signal", "icna_anomaly_score"))
    .annotation(
      new dashboard.AnnotationQueryBuilder()
        .name("alerts sent")
        .datasource(PROMETHEUS)
        .enable(true)
        .iconColor("red")
        .target(new prometheus.DataqueryBuilder().datasource(PROMETHEUS).expr(`increase(icna_watch_alerts_sent_total{${SEL}}[2m]) > 0`).legendFormat("alert: {{signal}} {{colour}}").range().refId("Anno")),
    )
    .withPanel(signal)
    .withPanel(promPanel("Anomaly score", "Latest anomaly score (0–1) per signal and colour; the watcher alerts above its threshold (0.6 by default).", [{ expr: `icna_anomaly_score{${SEL}}`, legend: "{{signal}} {{colour}}" }], "percentunit"))
    .withPanel(
      promPanel("Watcher health", "1 while the watcher reads Prometheus; seconds since its last successful read; alerts and failed attempts to reach Alertmanager per hour.", [
        { expr: "icna_watch_prometheus_up", legend: "reading Prometheus" },
        { expr: "time() - icna_watch_last_success_timestamp_seconds", legend: "seconds since last read" },
        { expr: `sum(increase(icna_watch_alerts_sent_total{${SEL}}[1h]))`, legend: "alerts per hour" },
        { expr: "sum(increase(icna_watch_alert_failures_total[1h]))", legend: "Alertmanager failures per hour" },
      ], "short"),
    )
    .build();
}
