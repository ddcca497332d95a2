import { fitForecast, InsufficientHistoryError, type ForecastFit, type ForecastPath } from "../forecast/engine";
import type { RegularSeries } from "../forecast/regular-series";
import { PrometheusClient, PrometheusQueryRejectedError, PrometheusUnavailableError } from "./prometheus-client";
import type { ScalerMetadata } from "./scaler-metadata";
import type { ScalerMetrics } from "./scaler-metrics";
import { decideReplicas, type ScalingDecision, type ScalingPolicy } from "./scaling-policy";

/** Why an evaluation was served reactively. */
export const FALLBACK_REASONS = ["prometheus-unavailable", "query-rejected", "history-too-short"] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/**
 * Raised when Prometheus is unreachable and the load was never observed: serving zero would let KEDA
 * deactivate (scale to zero) a workload whose `minReplicas` is 0 and the HPA shrink any other to its
 * floor, so the caller answers with an error instead, on which both keep the replicas they run.
 */
export class LoadUnknownError extends Error {
  constructor(scaledObject: string, cause: string) {
    super(`${scaledObject}: the load was never observed and Prometheus cannot be read (${cause}); KEDA and the HPA keep the current replicas until it can`);
    this.name = "LoadUnknownError";
  }
}

export interface ScalerEvaluation {
  /** What KEDA receives: desired replicas × {@link kedaTargetSize}, so the HPA lands exactly on the decision. */
  readonly metricValue: number;
  readonly decision: ScalingDecision;
  readonly observedLoad: number;
  readonly fallback?: FallbackReason;
}

export interface PredictiveScalerOptions {
  /** Used when a trigger does not set `prometheusUrl`. */
  readonly defaultPrometheusUrl?: string;
  /** How old a fit may get before the next evaluation refits it. */
  readonly refitIntervalMs: number;
  readonly metrics: ScalerMetrics;
  readonly log: (line: string) => void;
  readonly now?: () => number;
  /** How long a Prometheus query may take, body included. @default 10000 */
  readonly prometheusTimeoutMs?: number;
}

/**
 * Kubernetes' default scale-down stabilisation window of an HPA (the ScaledObjects set no `behavior`):
 * the HPA runs the largest replica count recommended within it, so the largest decision served within
 * it is what the workload runs now.
 */
export const HPA_SCALE_DOWN_STABILISATION_MS = 300_000;

interface WorkloadState {
  /** When KEDA last asked about the ScaledObject. */
  lastSeenMs: number;
  /** What the load history and the fit were read and made with ({@link seriesSettingsOf}): when it changes, they are dropped. */
  seriesSettings: string;
  fit?: ForecastFit;
  fittedAtMs?: number;
  /**
   * The load history read so far, from the first step of the series the fit was made on to the step of
   * the last evaluation: between refits only its end is read again and the new steps are appended, so
   * `forecastFrom` sees the fitted series extended without Prometheus reading the whole history again.
   */
  history?: RegularSeries;
  /** The forecast the last evaluation acted on, to measure its error when the next step arrives. */
  lastPath?: ForecastPath;
  lastObserved?: number;
  /** Decisions served within the HPA's scale-down stabilisation window, newest last, each larger than every later one. */
  recentDecisions: { atMs: number; replicas: number }[];
}

/**
 * Serves the forecast-driven metric for each ScaledObject: reads its load history from Prometheus
 * (`query_range`), refits the forecaster when the fit is older than the refit interval, and sizes
 * the workload with the scaling policy. When Prometheus is unreachable or the history too short it
 * falls back to the observed value, logs it and raises the fallback metric.
 */
export class PredictiveScaler {
  private readonly workloads = new Map<string, WorkloadState>();
  private readonly now: () => number;
  /**
   * How long a ScaledObject KEDA stopped asking about (deleted, paused, or served by another PSE
   * replica) is kept: KEDA and its HPA ask several times a minute, and by then its fit would be
   * refitted and its decisions have left the HPA's window anyway.
   */
  private readonly forgetAfterMs: number;
  private lastSweepMs = -Infinity;
  /** The evaluation in progress per ScaledObject, with the metadata it runs with. */
  private readonly inProgress = new Map<string, { metadata: string; evaluation: Promise<ScalerEvaluation> }>();

  constructor(private readonly options: PredictiveScalerOptions) {
    this.now = options.now ?? Date.now;
    this.forgetAfterMs = Math.max(options.refitIntervalMs, HPA_SCALE_DOWN_STABILISATION_MS);
  }

  /**
   * Evaluates one ScaledObject. KEDA's poll and the HPA's reads of a ScaledObject arrive together: a call
   * made while an evaluation with the same metadata is in progress shares its answer (otherwise each would
   * see the refit due, read the whole history and refit, and calls would pile up behind a hung
   * Prometheus); one with other metadata runs after it.
   */
  evaluate(scaledObject: string, metadata: ScalerMetadata): Promise<ScalerEvaluation> {
    const key = JSON.stringify(metadata);
    const current = this.inProgress.get(scaledObject);
    if (current?.metadata === key) return current.evaluation;
    const evaluation = (current?.evaluation ?? Promise.resolve()).catch(() => undefined).then(() => this.evaluateNow(scaledObject, metadata));
    const entry = { metadata: key, evaluation };
    this.inProgress.set(scaledObject, entry);
    const done = () => {
      if (this.inProgress.get(scaledObject) === entry) this.inProgress.delete(scaledObject);
    };
    evaluation.then(done, done);
    return evaluation;
  }

  private async evaluateNow(scaledObject: string, metadata: ScalerMetadata): Promise<ScalerEvaluation> {
    const url = metadata.prometheusUrl ?? this.options.defaultPrometheusUrl;
    const seriesSettings = seriesSettingsOf(metadata, url);
    const now = this.now();
    this.forgetIdle(now);
    const known = this.workloads.get(scaledObject);
    // A changed query, step, history or lead time invalidates the fit, the history and the loads seen; the replicas served stay valid.
    const state: WorkloadState = known?.seriesSettings === seriesSettings ? known : { seriesSettings, lastSeenMs: now, recentDecisions: known?.recentDecisions ?? [] };
    state.lastSeenMs = now;
    this.workloads.set(scaledObject, state);
    const stepMs = metadata.stepSeconds * 1000;
    const leadSteps = Math.max(1, Math.ceil((metadata.leadTimeMinutes * 60) / metadata.stepSeconds));
    const endMs = Math.floor(now / stepMs) * stepMs;
    const history = state.history;
    const refitDue = !state.fit || !history || state.fittedAtMs === undefined || now - state.fittedAtMs >= this.options.refitIntervalMs || endMs < endOf(history);
    let series: RegularSeries;
    try {
      if (!url) throw new PrometheusUnavailableError("no prometheusUrl in the trigger metadata and no --prometheus-url default");
      const prometheus = new PrometheusClient(url, this.options.prometheusTimeoutMs);
      if (refitDue || !history) {
        const samples = await prometheus.queryRange(metadata.query, endMs - metadata.historyDays * 86_400_000, endMs, metadata.stepSeconds);
        series = toSeries(samples.timestampsMs, samples.values, metadata.stepSeconds, endMs);
      } else {
        // Read again from the step before the newest one observed (late samples complete it) through now.
        const keep = Math.max(0, lastFiniteIndex(history.values) - 1);
        const samples = await prometheus.queryRange(metadata.query, history.startMs + keep * stepMs, endMs, metadata.stepSeconds);
        series = toSeries(samples.timestampsMs, samples.values, metadata.stepSeconds, endMs, history.startMs, history.values.subarray(0, keep));
      }
    } catch (error) {
      if (!(error instanceof PrometheusUnavailableError)) throw error;
      const reason = error instanceof PrometheusQueryRejectedError ? "query-rejected" : "prometheus-unavailable";
      if (state.lastObserved === undefined) {
        this.countFallback(scaledObject, reason, `${error.message}; no load observed yet: answering KEDA with an error, so the replicas running are kept`);
        throw new LoadUnknownError(scaledObject, error.message);
      }
      return this.fallback(scaledObject, metadata, state, now, reason, error.message, state.lastObserved);
    }
    const n = series.values.length;
    if (n > 0) state.history = series;
    const observed = n > 0 ? lastFinite(series.values) : undefined;
    if (observed === undefined) return this.fallback(scaledObject, metadata, state, now, "history-too-short", "the query returned no samples", state.lastObserved ?? 0);
    state.lastObserved = observed;
    const lastMs = series.startMs + (n - 1) * stepMs;

    if (state.lastPath && Number.isFinite(series.values[n - 1])) {
      const ahead = Math.round((lastMs - state.lastPath.lastTimestampMs) / stepMs);
      if (ahead >= 1 && ahead <= state.lastPath.values.length) {
        this.options.metrics.forecastAbsoluteError.set({ scaled_object: scaledObject }, Math.abs(observed - state.lastPath.values[ahead - 1]));
      }
    }
    if (refitDue || !state.fit || state.fit.lastTimestampMs > lastMs) {
      const timer = this.options.metrics.refitSeconds.startTimer({ scaled_object: scaledObject });
      try {
        state.fit = fitForecast(series, { horizonSteps: leadSteps });
        state.fittedAtMs = now;
        this.options.metrics.backtestMeanAbsoluteError.set({ scaled_object: scaledObject }, state.fit.scores[0]?.meanAbsoluteError ?? NaN);
        this.options.log(`${scaledObject}: refitted on ${n} steps: ${state.fit.model}`);
      } catch (error) {
        if (!(error instanceof InsufficientHistoryError)) throw error;
        state.fit = undefined;
        return this.fallback(scaledObject, metadata, state, now, "history-too-short", error.message, observed);
      } finally {
        timer();
      }
    }
    const fit = state.fit!;
    // Between scheduled refits, forecast from the newest step with the fitted parameters; should the history
    // not extend the fitted series (forecastFrom refuses it), read the fit's own path further out.
    let path: ForecastPath = fit;
    let offset = Math.max(0, Math.round((lastMs - fit.lastTimestampMs) / stepMs));
    if (offset > 0) {
      try {
        path = fit.forecastFrom(series);
        offset = 0;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
    }
    state.lastPath = path;
    const forecast: LeadForecast = { upper: [], point: [] };
    for (let h = offset + 1; h <= Math.min(offset + leadSteps, path.values.length); h++) {
      forecast.upper.push(path.quantile(h, metadata.quantile));
      forecast.point.push(path.values[h - 1]);
    }
    return this.decide(scaledObject, metadata, state, now, observed, forecast);
  }

  /** Drops the state and metric series of ScaledObjects not asked about for `forgetAfterMs` (checked once a minute). */
  private forgetIdle(now: number): void {
    if (now - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = now;
    for (const [scaledObject, state] of this.workloads) {
      if (now - state.lastSeenMs < this.forgetAfterMs) continue;
      this.workloads.delete(scaledObject);
      this.options.metrics.forget(scaledObject, FALLBACK_REASONS);
      this.options.log(`${scaledObject}: forgotten, not asked about for ${Math.round((now - state.lastSeenMs) / 60_000)} min`);
    }
  }

  private countFallback(scaledObject: string, reason: FallbackReason, detail: string): void {
    this.options.metrics.fallback.set({ scaled_object: scaledObject }, 1);
    this.options.metrics.fallbacks.inc({ scaled_object: scaledObject, reason });
    this.options.log(`${scaledObject}: FALLBACK (${reason}): ${detail}`);
  }

  private fallback(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, now: number, reason: FallbackReason, detail: string, observed: number): ScalerEvaluation {
    const blind = reason !== "history-too-short";
    this.countFallback(scaledObject, reason, `${detail}; serving the ${blind ? "last observed load, removing no pod" : "observed load"}`);
    return { ...this.decide(scaledObject, metadata, state, now, observed, { upper: [], point: [] }, blind), fallback: reason };
  }

  /**
   * Sizes the workload from the replicas it runs now, as the simulation does: KEDA evaluates the scaler
   * several times a minute (GetMetrics and IsActive at every poll and every HPA read), so the step-down
   * limit applies to what the HPA runs — the largest decision of its stabilisation window — and not to
   * the previous call. With no decision in that window (first call, or another PSE replica served
   * meanwhile) the replicas running are unknown and the observed load's need stands in for them.
   * `holdReplicas`: the load is not seen now (Prometheus unreachable), so no pod is removed on the last
   * one seen — it may have risen since, and the forecast that sized the replicas running is unknown too.
   */
  private decide(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, now: number, observed: number, forecast: LeadForecast, holdReplicas = false): ScalerEvaluation {
    const labels = { scaled_object: scaledObject };
    const forecastUpper = forecast.upper;
    const recent = state.recentDecisions.filter((d) => d.atMs > now - HPA_SCALE_DOWN_STABILISATION_MS);
    const current = recent[0]?.replicas ?? Math.max(metadata.minReplicas, Math.ceil(observed / metadata.capacityPerPod));
    const policy = scalingPolicyFor(metadata);
    const decision = decideReplicas({ currentReplicas: current, observedLoad: observed, forecastUpper, forecastPoint: forecast.point }, holdReplicas ? { ...policy, maxScaleDownFraction: 0 } : policy);
    while (recent.length > 0 && recent[recent.length - 1].replicas <= decision.replicas) recent.pop();
    recent.push({ atMs: now, replicas: decision.replicas });
    state.recentDecisions = recent;
    const metricValue = decision.replicas * kedaTargetSize(metadata);
    const metrics = this.options.metrics;
    if (forecastUpper.length > 0) {
      metrics.fallback.set(labels, 0);
      metrics.forecastPeak.set(labels, Math.max(...forecastUpper));
    }
    metrics.metricValue.set(labels, metricValue);
    metrics.desiredReplicas.set(labels, decision.replicas);
    metrics.observedLoad.set(labels, observed);
    this.options.log(`${scaledObject}: ${decision.explanation}`);
    return { metricValue, decision, observedLoad: observed };
  }
}

/** The trigger settings the load history and its fit depend on (sizing settings such as capacityPerPod or quantile do not). */
function seriesSettingsOf(metadata: ScalerMetadata, url: string | undefined): string {
  return JSON.stringify([url, metadata.query, metadata.stepSeconds, metadata.historyDays, metadata.leadTimeMinutes]);
}

/**
 * The target KEDA gets (GetMetricSpec): capacityPerPod in whole milli-units. KEDA hands the target and
 * the metric to the HPA as milli-unit quantities (truncating or rounding value × 1000, by release) and
 * the HPA runs ⌈metric / target⌉ replicas, so the metric must be an exact multiple of the served target
 * or that ratio can exceed the decision (33.3334 per pod: 2 pods' 66.667 over a target of 33.333 makes 3).
 */
export function kedaTargetSize(metadata: ScalerMetadata): number {
  return Math.round(metadata.capacityPerPod * 1000) / 1000;
}

/** Forecasts for the steps of the lead window. */
interface LeadForecast {
  readonly upper: number[];
  readonly point: number[];
}

/**
 * The policy the simulation measured: `capacityPerPod` is a pod's load at `targetUtilisation`, so its
 * full capacity is capacityPerPod / targetUtilisation; the observed load and the point forecasts are
 * sized at the target and the upper-quantile forecast within full capacity (headroom counted once).
 */
export function scalingPolicyFor(metadata: ScalerMetadata): ScalingPolicy {
  return {
    capacityPerPod: metadata.capacityPerPod / metadata.targetUtilisation,
    targetUtilisation: metadata.targetUtilisation,
    minReplicas: metadata.minReplicas,
    maxReplicas: metadata.maxReplicas,
    maxScaleDownFraction: metadata.maxScaleDownFraction,
  };
}

/**
 * Samples on the step grid as a regular series up to `endMs`, the step of now: missing samples, the
 * newest included, become gaps, so that the forecast's origin is now and the lead window starts now.
 * `anchorMs` pins its first step; `before` are the values of the steps from there up to the samples.
 */
function toSeries(timestampsMs: readonly number[], values: readonly number[], stepSeconds: number, endMs: number, anchorMs?: number, before?: Float64Array): RegularSeries {
  const stepMs = stepSeconds * 1000;
  if (timestampsMs.length === 0 && !before?.length) return { startMs: anchorMs ?? endMs, stepSeconds, values: new Float64Array(0) };
  const startMs = anchorMs ?? timestampsMs[0];
  const out = new Float64Array(Math.round((endMs - startMs) / stepMs) + 1).fill(NaN);
  if (before) out.set(before);
  timestampsMs.forEach((t, i) => {
    if (Number.isFinite(values[i])) out[Math.round((t - startMs) / stepMs)] = values[i];
  });
  return { startMs, stepSeconds, values: out };
}

function lastFiniteIndex(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return i;
  return -1;
}

function lastFinite(values: Float64Array): number | undefined {
  const i = lastFiniteIndex(values);
  return i < 0 ? undefined : values[i];
}

function endOf(series: RegularSeries): number {
  return series.startMs + (series.values.length - 1) * series.stepSeconds * 1000;
}
