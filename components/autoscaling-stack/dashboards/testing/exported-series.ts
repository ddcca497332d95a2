import type { BackfillSample } from "../../../../testing/prometheus-process";
import { ScalerMetrics } from "../../../../runtime/scaler/scaler-metrics";
import { WatchMetrics } from "../../../../runtime/watch/watch-metrics";

/** First sample of the synthetic series, unix seconds. */
export const START = Date.UTC(2026, 10, 30) / 1000;
/** Minutes of synthetic series. */
export const MINUTES = 180;

/**
 * Three hours of one-minute samples of every series the PSE and the watcher register, read from their
 * own prom-client registries (so a renamed metric breaks this test), plus the kube-state-metrics HPA
 * series the replicas panel reads.
 */
export async function exportedSamples(): Promise<BackfillSample[]> {
  const samples: BackfillSample[] = [];
  for (let minute = 0; minute < MINUTES; minute++) {
    const scaler = new ScalerMetrics();
    const so = { scaled_object: "shop/checkout" };
    const load = 100 + 50 * Math.sin((2 * Math.PI * minute) / 120);
    // The point forecast made a lead window earlier for this minute: the same curve, three minutes early.
    const forecast = 100 + 50 * Math.sin((2 * Math.PI * (minute + 3)) / 120);
    for (const [gauge, value] of [
      [scaler.observedLoad, load],
      [scaler.forecastPeak, load * 1.2],
      [scaler.forecastLower, forecast - 15],
      [scaler.forecastPoint, forecast],
      [scaler.forecastUpper, forecast + 15],
      [scaler.peakLeadMinutes, 18],
      [scaler.desiredReplicas, Math.ceil(load / 20)],
      [scaler.metricValue, Math.ceil(load / 20) * 20],
      [scaler.forecastAbsoluteError, 4 + (minute % 7)],
      [scaler.backtestMeanAbsoluteError, 5],
      [scaler.fallback, minute % 60 < 3 ? 1 : 0],
    ] as const) gauge.set(so, value);
    scaler.fallbacks.inc({ ...so, reason: "prometheus-unavailable" }, Math.floor(minute / 20));
    for (let refit = 0; refit <= Math.floor(minute / 30); refit++) scaler.refitSeconds.observe(so, 0.4 + 0.1 * refit);

    const watch = new WatchMetrics();
    for (const colour of ["blue", "green"]) {
      const labels = { signal: "latency_p99", colour };
      watch.value.set(labels, 0.2 + 0.01 * (minute % 10));
      watch.expectedLow.set(labels, 0.15);
      watch.expectedHigh.set(labels, 0.3);
      watch.score.set(labels, minute === 90 ? 0.8 : 0.1);
      watch.alertsSent.inc(labels, minute >= 90 ? 1 : 0);
    }
    // Log triage: a steady pattern, one that surges from minute 90 and one new from minute 100; a scan every 5 minutes, one failed.
    for (const [id, template, lines, score] of [
      ["a1b2c3d4e5f6", "upstream response time <NUM> ms for GET <PATH>", 40 + (minute % 5), 0.3],
      ["b2c3d4e5f6a1", "connect() failed (<NUM>: Connection refused) while connecting to upstream", minute >= 90 ? 120 : 2, minute >= 90 ? 48 : 0.1],
      ["c3d4e5f6a1b2", "upstream timed out (<NUM>: Connection timed out) while reading response header from upstream", minute >= 100 ? 60 : 0, minute >= 100 ? 25 : 0],
    ] as const) {
      if (lines === 0) continue;
      watch.logPatternLines.set({ pattern_id: id, template }, lines);
      watch.logPatternSurge.set({ pattern_id: id, template }, score);
    }
    watch.logNewPatterns.set(minute >= 100 ? 1 : 0);
    watch.logWindowEntries.set(600 + (minute >= 90 ? 180 : 0));
    watch.triageRuns.inc({ reason: "scan", outcome: "ok" }, Math.floor(minute / 5));
    watch.triageRuns.inc({ reason: "scan", outcome: "failed" }, minute >= 45 ? 1 : 0);
    watch.triageRuns.inc({ reason: "alert", outcome: "ok" }, minute >= 90 ? 1 : 0);
    watch.triageSeconds.set(0.8 + 0.01 * (minute % 10));
    watch.prometheusUp.set(1);
    watch.lastSuccess.set(START + minute * 60 - 30);
    watch.alertFailures.inc(0);

    const timeSeconds = START + minute * 60;
    for (const registry of [scaler.registry, watch.registry]) {
      for (const family of await registry.getMetricsAsJSON()) {
        for (const v of family.values) samples.push({ metric: (v as { metricName?: string }).metricName ?? family.name, labels: Object.fromEntries(Object.entries(v.labels).map(([k, l]) => [k, String(l)])), value: v.value, timeSeconds });
      }
    }
    // A workload's own metrics, as the watcher's default signals expect them (a `colour` label): blue takes 90% of the traffic.
    for (const [colour, share] of [["blue", 0.9], ["green", 0.1]] as const) {
      for (const code of ["200", "503"]) samples.push({ metric: "http_requests_total", labels: { colour, code }, value: Math.round(minute * 600 * share * (code === "200" ? 0.99 : 0.01)), timeSeconds: START + minute * 60 });
      for (const [le, part] of [["0.1", 0.6], ["0.5", 0.95], ["1", 0.995], ["+Inf", 1]] as const) samples.push({ metric: "http_request_duration_seconds_bucket", labels: { colour, le }, value: Math.round(minute * 600 * share * part), timeSeconds: START + minute * 60 });
    }
    const hpa = { horizontalpodautoscaler: "keda-hpa-checkout", namespace: "shop" };
    samples.push({ metric: "kube_horizontalpodautoscaler_status_current_replicas", labels: hpa, value: Math.ceil(load / 20), timeSeconds });
    samples.push({ metric: "kube_horizontalpodautoscaler_status_desired_replicas", labels: hpa, value: Math.ceil(load / 20), timeSeconds });
  }
  return samples;
}

