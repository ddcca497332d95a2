import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The PSE's own Prometheus metrics, labelled by ScaledObject (`namespace/name`). */
export class ScalerMetrics {
  readonly registry = new Registry();
  /** Every per-ScaledObject gauge (declared before them: field initialisers run in order). */
  private readonly gauges: Gauge<"scaled_object">[] = [];
  readonly metricValue = this.gauge("icna_pse_metric_value", "Value served to KEDA (desired replicas × capacity per pod)");
  readonly desiredReplicas = this.gauge("icna_pse_desired_replicas", "Replicas the scaling policy decided");
  readonly observedLoad = this.gauge("icna_pse_observed_load", "Latest observed load from the trigger's PromQL query");
  readonly forecastPeak = this.gauge("icna_pse_forecast_peak", "Largest upper-quantile forecast over the lead window");
  readonly forecastLower = this.gauge("icna_pse_forecast_lower", "Lower-quantile (1 − quantile) forecast for the current step, made a lead window earlier");
  readonly forecastPoint = this.gauge("icna_pse_forecast_point", "Point forecast for the current step, made a lead window earlier");
  readonly forecastUpper = this.gauge("icna_pse_forecast_upper", "Upper-quantile forecast for the current step, made a lead window earlier");
  readonly peakLeadMinutes = this.gauge("icna_pse_peak_lead_minutes", "Minutes before the last whole UTC day's peak (busiest 15 min) since when ready capacity covered it, as icna simulate measures it (240 = at least 240)");
  readonly forecastAbsoluteError = this.gauge("icna_pse_forecast_absolute_error", "|observed − forecast made earlier for the same step|");
  readonly backtestMeanAbsoluteError = this.gauge("icna_pse_backtest_mean_absolute_error", "Backtest mean absolute error of the chosen model at the last refit");
  readonly fallback = this.gauge("icna_pse_fallback", "1 while the scaler serves the observed value (reactive) instead of a forecast");
  readonly fallbacks = new Counter({
    name: "icna_pse_fallbacks_total",
    help: "Evaluations served reactively, by reason",
    labelNames: ["scaled_object", "reason"] as const,
    registers: [this.registry],
  });
  readonly refitSeconds = new Histogram({
    name: "icna_pse_refit_seconds",
    help: "Time to refit the forecaster (model selection included), history fetch excluded",
    labelNames: ["scaled_object"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Drops every series of a ScaledObject no longer served, so that its last values (a raised fallback, say) do not linger. */
  forget(scaledObject: string, fallbackReasons: readonly string[]): void {
    const labels = { scaled_object: scaledObject };
    for (const gauge of this.gauges) gauge.remove(labels);
    for (const reason of fallbackReasons) this.fallbacks.remove({ ...labels, reason });
    this.refitSeconds.remove(labels);
  }

  private gauge(name: string, help: string): Gauge<"scaled_object"> {
    const gauge = new Gauge({ name, help, labelNames: ["scaled_object"] as const, registers: [this.registry] });
    this.gauges.push(gauge);
    return gauge;
  }
}
