import { stringify } from "yaml";
import { watchConfigSchema, type WatchConfig } from "../../runtime/watch/watch-config";

/** A signal the watcher scores, as PromQL with `$colour`. */
export interface WatchedSignal {
  /** Prometheus-style name, e.g. `latency_p99`. */
  readonly name: string;
  /** PromQL returning one series for the colour, e.g. `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{colour="$colour"}[5m])))`. */
  readonly query: string;
  /** @default warning */
  readonly severity?: "info" | "warning" | "critical";
}

/** Inputs of the watcher's configuration file. */
export interface WatcherSettings {
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  /** Colour of the cluster the watcher runs in: it watches that colour's signals. */
  readonly colour: "blue" | "green";
  readonly signals: readonly WatchedSignal[];
  /** @default 60s */
  readonly interval?: string;
  /** @default 0.6 */
  readonly alertThreshold?: number;
  /** Labels added to every alert, e.g. { cluster: "icna-prod-blue" }. */
  readonly labels?: Readonly<Record<string, string>>;
  /** CloudWatch Logs groups (the cluster's LogPipeline) triaged when an alert is new, and their region. @default no log triage */
  readonly logs?: { readonly region: string; readonly groups: readonly string[] };
}

/** The `watch.yaml` the deployed watcher reads, validated with the same schema `icna watch` uses. */
export function watcherConfig(settings: WatcherSettings): WatchConfig {
  return watchConfigSchema.parse({
    prometheus: settings.prometheusUrl,
    alertmanager: settings.alertmanagerUrl,
    interval: settings.interval ?? "60s",
    alertThreshold: settings.alertThreshold ?? 0.6,
    colours: [settings.colour],
    labels: settings.labels ?? {},
    signals: settings.signals.map((s) => ({ name: s.name, query: s.query, severity: s.severity ?? "warning" })),
    ...(settings.logs ? { logs: { cloudwatch: { region: settings.logs.region, groups: [...settings.logs.groups] } } } : {}),
  });
}

export function watcherConfigYaml(settings: WatcherSettings): string {
  return stringify(watcherConfig(settings));
}
