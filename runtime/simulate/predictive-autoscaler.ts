import { fitForecast, InsufficientHistoryError, type ForecastFit, type ForecastPath } from "../forecast/engine";
import type { RegularSeries } from "../forecast/regular-series";
import { decideReplicas, type ScalingDecision, type ScalingPolicy } from "../scaler/scaling-policy";

/** How the PSE is run in the simulation, as `icna scaler serve` runs it for a ScaledObject. */
export interface PredictiveSettings {
  /** Lead window: how far ahead of now the replicas must already cover the forecast (pod start-up + node provisioning). */
  readonly leadMinutes: number;
  /** Upper quantile of the forecast that must fit within full capacity. */
  readonly quantile: number;
  /** Largest fraction of the replicas removed per decision. */
  readonly maxScaleDownFraction: number;
  /** Refit (model selection included) this often; between refits the fitted model forecasts from each new step. */
  readonly refitHours: number;
  /** History each refit sees. */
  readonly historyDays: number;
}

/** One PSE evaluation. */
export interface PredictiveEvaluation {
  readonly decision: ScalingDecision;
  /** Upper-quantile forecast for the step at the end of the lead window (NaN without a forecast). */
  readonly leadForecastUpper: number;
  readonly fallback: boolean;
}

/**
 * The PSE against a forecast grid (the load history it would query from Prometheus): refits on a
 * schedule over the last `historyDays`, forecasts from every newly completed step with the fitted
 * model, and sizes the workload with the scaling policy over the lead window.
 */
export class PredictiveAutoscaler {
  private readonly stepMinutes: number;
  private readonly historySteps: number;
  private readonly refitSteps: number;
  private readonly fitHorizon: number;
  private fit?: ForecastFit;
  private fitStart = 0;
  private fitOrigin = -Infinity;
  private path?: ForecastPath;
  private pathOrigin = -1;

  constructor(
    /** Load history on the forecast grid, in the same units as the observed load. */
    private readonly grid: RegularSeries,
    private readonly settings: PredictiveSettings,
    private readonly policy: ScalingPolicy,
    /** Minutes between a step's end and the metric being visible. */
    private readonly metricLagMinutes: number,
  ) {
    this.stepMinutes = grid.stepSeconds / 60;
    this.historySteps = Math.round((settings.historyDays * 1440) / this.stepMinutes);
    this.refitSteps = Math.max(1, Math.round((settings.refitHours * 60) / this.stepMinutes));
    this.fitHorizon = Math.ceil((settings.leadMinutes + metricLagMinutes) / this.stepMinutes) + 2;
  }

  /** Decision at `minute` (minutes since the grid's start) for `currentReplicas`, seeing `observedLoad` now. */
  evaluate(minute: number, observedLoad: number, currentReplicas: number): PredictiveEvaluation {
    const origin = Math.floor((minute - this.metricLagMinutes) / this.stepMinutes) - 1;
    this.refresh(origin);
    const upper: number[] = [];
    const point: number[] = [];
    if (this.path) {
      const first = Math.max(1, Math.floor(minute / this.stepMinutes) - origin);
      const last = Math.min(this.fitHorizon, Math.floor((minute + this.settings.leadMinutes) / this.stepMinutes) - origin);
      for (let h = first; h <= last; h++) {
        point.push(Math.max(0, this.path.values[h - 1]));
        upper.push(Math.max(0, this.path.quantile(h, this.settings.quantile)));
      }
      if (!upper.every(Number.isFinite) || !point.every(Number.isFinite)) [upper.length, point.length] = [0, 0];
    }
    const decision = decideReplicas({ currentReplicas, observedLoad, forecastUpper: upper, forecastPoint: point }, this.policy);
    return { decision, leadForecastUpper: upper.length > 0 ? upper[upper.length - 1] : NaN, fallback: upper.length === 0 };
  }

  private refresh(origin: number): void {
    if (origin === this.pathOrigin || origin < 0) return;
    this.pathOrigin = origin;
    if (origin - this.fitOrigin >= this.refitSteps) {
      this.fitStart = Math.max(0, origin + 1 - this.historySteps);
      try {
        this.fit = fitForecast(this.slice(origin), { horizonSteps: this.fitHorizon });
        this.fitOrigin = origin;
      } catch (error) {
        if (!(error instanceof InsufficientHistoryError)) throw error;
        this.fit = undefined;
      }
    }
    this.path = this.fit?.forecastFrom(this.slice(origin));
  }

  private slice(origin: number): RegularSeries {
    return { startMs: this.grid.startMs + this.fitStart * this.grid.stepSeconds * 1000, stepSeconds: this.grid.stepSeconds, values: this.grid.values.subarray(this.fitStart, origin + 1) };
  }
}
