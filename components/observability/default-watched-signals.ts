import type { WatchedSignal } from "./watcher-settings";

/** Signals watched when the stack names none: the golden signals of HTTP workloads whose metrics carry a `colour` label. */
export const DEFAULT_WATCHED_SIGNALS: readonly WatchedSignal[] = [
  { name: "latency_p99", query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{colour="$colour"}[5m])))', severity: "critical" },
  { name: "error_ratio", query: 'sum(rate(http_requests_total{colour="$colour",code=~"5.."}[5m])) / sum(rate(http_requests_total{colour="$colour"}[5m]))', severity: "critical" },
  { name: "throughput", query: 'sum(rate(http_requests_total{colour="$colour"}[5m]))', severity: "warning" },
];
