import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import { icnaDashboard, labelVariable, promPanel } from "./panels";

const SO = 'scaled_object=~"$scaled_object"';

/** The PSE per ScaledObject: demand against its forecast band and what it sized for, its decision against the HPA's replicas, the lead on the last peaks, errors, fallbacks and refits. */
export function predictiveScalingDashboard(): dashboard.Dashboard {
  return icnaDashboard("icna-predictive-scaling", "ICNA / Predictive scaling", "The Predictive Scaling Engine per ScaledObject: what it saw, what it forecast, what it decided and what the HPA ran.")
    .withVariable(labelVariable("scaled_object", "ScaledObject", "icna_pse_desired_replicas"))
    .withPanel(
      promPanel("Demand and forecast band", "Observed load (the trigger's query) against the band the PSE forecast for the same step a lead window earlier (lower and upper quantile, dashed; point forecast, dotted), and the largest upper-quantile forecast over the lead window it sized for now.", [
        { expr: `icna_pse_observed_load{${SO}}`, legend: "demand {{scaled_object}}" },
        { expr: `icna_pse_forecast_lower{${SO}}`, legend: "forecast lower quantile {{scaled_object}}" },
        { expr: `icna_pse_forecast_point{${SO}}`, legend: "forecast point {{scaled_object}}" },
        { expr: `icna_pse_forecast_upper{${SO}}`, legend: "forecast upper quantile {{scaled_object}}" },
        { expr: `icna_pse_forecast_peak{${SO}}`, legend: "sized for: peak upper quantile ahead {{scaled_object}}" },
      ], "short")
        .overrideByRegexp("^forecast (lower|upper) quantile .*", [{ id: "custom.lineStyle", value: { fill: "dash", dash: [6, 4] } }, { id: "custom.lineWidth", value: 1 }])
        .overrideByRegexp("^forecast point .*", [{ id: "custom.lineStyle", value: { fill: "dot", dash: [0, 6] } }, { id: "custom.lineWidth", value: 1 }]),
    )
    .withPanel(
      promPanel("Replicas: PSE decision and HPA", "Replicas the PSE decided, and the replicas KEDA's HPA for the ScaledObject reports (kube-state-metrics).", [
        { expr: `icna_pse_desired_replicas{${SO}}`, legend: "PSE decision {{scaled_object}}" },
        { expr: 'max by (horizontalpodautoscaler) (kube_horizontalpodautoscaler_status_current_replicas{horizontalpodautoscaler=~"keda-hpa-.+"})', legend: "HPA current {{horizontalpodautoscaler}}" },
        { expr: 'max by (horizontalpodautoscaler) (kube_horizontalpodautoscaler_status_desired_replicas{horizontalpodautoscaler=~"keda-hpa-.+"})', legend: "HPA desired {{horizontalpodautoscaler}}" },
      ], "none"),
    )
    .withPanel(
      promPanel("Lead on the last peaks", "Minutes before each whole UTC day's peak (its busiest 15 minutes) since when the Deployment's ready pods covered it, measured as icna simulate does from demand and kube-state-metrics' available replicas; negative: covered only after the peak began; 240 means at least 240. Updated once a day; the panel shows 7 days.", [
        { expr: `icna_pse_peak_lead_minutes{${SO}}`, legend: "lead {{scaled_object}}" },
      ], "m", 12).timeFrom("7d"),
    )
    .withPanel(
      promPanel("Forecast error", "|observed − forecast made earlier for the same step|, and the chosen model's backtest mean absolute error at the last refit.", [
        { expr: `icna_pse_forecast_absolute_error{${SO}}`, legend: "absolute error {{scaled_object}}" },
        { expr: `icna_pse_backtest_mean_absolute_error{${SO}}`, legend: "backtest MAE {{scaled_object}}" },
      ], "short", 12),
    )
    .withPanel(
      promPanel("Fallbacks", "Evaluations served from the observed load instead of a forecast, per hour and reason; 1 while falling back.", [
        { expr: `sum by (scaled_object, reason) (increase(icna_pse_fallbacks_total{${SO}}[1h]))`, legend: "{{reason}} {{scaled_object}}" },
        { expr: `icna_pse_fallback{${SO}}`, legend: "falling back {{scaled_object}}" },
      ], "short", 12),
    )
    .withPanel(
      promPanel("Refit time", "Time to refit the forecaster (model selection included), 90th percentile and refits per hour.", [
        { expr: `histogram_quantile(0.9, sum by (le, scaled_object) (rate(icna_pse_refit_seconds_bucket{${SO}}[1h])))`, legend: "p90 {{scaled_object}}" },
        { expr: `sum by (scaled_object) (increase(icna_pse_refit_seconds_count{${SO}}[1h]))`, legend: "refits per hour {{scaled_object}}" },
      ], "s", 12),
    )
    .build();
}
