import type { RegularSeries } from "../forecast/regular-series";
import { PrometheusClient, PrometheusError, type PrometheusClientOptions } from "../prometheus/prometheus-client";
import type { LeadForecast } from "./forecast-messages";
import { ForecastPool, RefitError } from "./forecast-pool";
import { HPA_SCALE_DOWN_STABILISATION_MS } from "./hpa-defaults";
import { measurePeakLeads } from "./peak-lead";
import type { ScalerMetadata } from "./scaler-metadata";
import type { ScalerMetrics } from "./scaler-metrics";
import { decideReplicas, type ScalingDecision, type ScalingPolicy } from "./scaling-policy";

/**
 * Why an evaluation was served without a fresh forecast. The first four are blind — the load now is
 * not known — and remove no pod: Prometheus cannot be read, refuses the query, answers something that
 * is not its API, or the query returns no sample (a typo in a label matches nothing; that is not zero
 * load). The others size for the observed load: the history is too short to fit, the first fit is not
 * ready yet, or the worker holding the fit is busy refitting and no earlier forecast covers now.
 */
export const FALLBACK_REASONS = ["prometheus-unavailable", "query-rejected", "malformed-response", "no-samples", "history-too-short", "fit-pending", "forecast-busy"] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];
const BLIND_REASONS: ReadonlySet<FallbackReason> = new Set(["prometheus-unavailable", "query-rejected", "malformed-response", "no-samples"]);

/**
 * Raised when the load cannot be read and was never observed: serving zero would let KEDA deactivate
 * (scale to zero) a workload whose `minReplicas` is 0 and the HPA shrink any other to its floor, so the
 * caller answers with an error instead, on which both keep the replicas they run.
 */
export class LoadUnknownError extends Error {
  constructor(
    scaledObject: string,
    cause: string,
    readonly reason: FallbackReason,
  ) {
    super(`${scaledObject}: the load was never observed (${reason}: ${cause}); KEDA and the HPA keep the current replicas until it can be read`);
    this.name = "LoadUnknownError";
  }
}

/** An evaluation that did not finish within its deadline (it is abandoned; the next call starts afresh). */
export class EvaluationTimeoutError extends Error {
  constructor(scaledObject: string, deadlineMs: number) {
    super(`${scaledObject}: the evaluation did not finish within ${deadlineMs} ms; KEDA and the HPA keep the current replicas`);
    this.name = "EvaluationTimeoutError";
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
  /** How old a fit may get before the next evaluation refits it (in the background, on the forecast pool). */
  readonly refitIntervalMs: number;
  readonly metrics: ScalerMetrics;
  readonly log: (line: string) => void;
  readonly now?: () => number;
  /** Deadline, retries and size limits of every Prometheus read. */
  readonly prometheus?: PrometheusClientOptions;
  /** Where fits run and live. @default a pool of its own */
  readonly pool?: ForecastPool;
  /** How long a call with no fit yet waits for its first fit before serving the observed load. @default 2000 */
  readonly firstFitWaitMs?: number;
  /** How long a call waits for the worker holding its fit before serving the previous forecast. @default 250 */
  readonly forecastBudgetMs?: number;
  /**
   * Measure the lead on the last whole days' peaks (`icna_pse_peak_lead_minutes`) once a day, at a refit:
   * it reads three days of demand and ready replicas (kube-state-metrics) at one-minute steps. @default false
   */
  readonly measurePeakLeads?: boolean;
}

/** What the main thread knows of a fit that lives in a forecast worker. */
interface FitRecord {
  readonly model: string;
  readonly lastTimestampMs: number;
  readonly fittedAtMs: number;
}

interface WorkloadState {
  /** When KEDA last asked about the ScaledObject. */
  lastSeenMs: number;
  /** What the load history and the fit were read and made with ({@link seriesSettingsOf}): when it changes, they are dropped. */
  seriesSettings: string;
  fit?: FitRecord;
  /** The refit in progress, if any. */
  refitting?: Promise<void>;
  /** Why the last fit failed for a reason the history must fix (too short), and the step it was tried at. */
  fitProblem?: { message: string; endMs: number };
  /**
   * The load history read so far, from the first step of the series the fit was made on to the step of
   * the last evaluation: between refits only its end is read again and the new steps are appended, so
   * `forecastFrom` sees the fitted series extended without Prometheus reading the whole history again.
   */
  history?: RegularSeries;
  /** The last lead forecast served and what it was computed from, reused while the series has not changed. */
  lastLead?: { forecast: LeadForecast; originMs: number; inputs: string };
  lastObserved?: number;
  /** Decisions served within the HPA's scale-down stabilisation window, newest last, each larger than every later one. */
  recentDecisions: { atMs: number; replicas: number }[];
  /** The UTC day (epoch ms of its midnight) the peak leads were last measured on, and the measurement running. */
  peakLeadsDayMs?: number;
  measuringPeakLeads?: Promise<void>;
  /** The band first forecast for each step a lead window ahead, by the step's time (epoch ms); steps before now are dropped. */
  bandsAhead: Map<number, Band>;
}

/** One step's forecast band. */
interface Band {
  readonly lower: number;
  readonly point: number;
  readonly upper: number;
}

/**
 * Serves the forecast-driven metric for each ScaledObject: reads its load history from Prometheus
 * (`query_range`), refits the forecaster in a worker thread when the fit is older than the refit
 * interval (serving the previous fit meanwhile), and sizes the workload with the scaling policy. When
 * the load cannot be read it holds the replicas; when no forecast is at hand it sizes for the observed
 * load; either way it logs it and raises the fallback metric.
 */
export class PredictiveScaler {
  private readonly workloads = new Map<string, WorkloadState>();
  private readonly now: () => number;
  private readonly pool: ForecastPool;
  private readonly ownsPool: boolean;
  private readonly firstFitWaitMs: number;
  private readonly forecastBudgetMs: number;
  /** Longest an evaluation may take: a Prometheus read, the first-fit wait, a forecast, and a margin. */
  readonly evaluationDeadlineMs: number;
  /**
   * How long a ScaledObject KEDA stopped asking about (deleted, paused, or served by another PSE
   * replica) is kept: KEDA and its HPA ask several times a minute, and by then its fit would be
   * refitted and its decisions have left the HPA's window anyway.
   */
  private readonly forgetAfterMs: number;
  private lastSweepMs = -Infinity;
  /** The evaluation in progress per ScaledObject, with the metadata it runs with and when it is abandoned. */
  private readonly inProgress = new Map<string, { metadata: string; deadlineAt: number; evaluation: Promise<ScalerEvaluation> }>();

  constructor(private readonly options: PredictiveScalerOptions) {
    this.now = options.now ?? Date.now;
    this.forgetAfterMs = Math.max(options.refitIntervalMs, HPA_SCALE_DOWN_STABILISATION_MS);
    this.pool = options.pool ?? new ForecastPool({ log: options.log });
    this.ownsPool = options.pool === undefined;
    this.firstFitWaitMs = options.firstFitWaitMs ?? 2_000;
    this.forecastBudgetMs = options.forecastBudgetMs ?? 250;
    this.evaluationDeadlineMs = new PrometheusClient("http://unused", options.prometheus).options.deadlineMs + this.firstFitWaitMs + this.forecastBudgetMs + 1_000;
  }

  /**
   * Evaluates one ScaledObject. KEDA's poll and the HPA's reads of a ScaledObject arrive together: a call
   * made while an evaluation with the same metadata is in progress shares its answer (otherwise each would
   * see the refit due and read the whole history), but only until that evaluation's deadline: a later call
   * never joins one that is stuck. One with other metadata runs after it.
   */
  evaluate(scaledObject: string, metadata: ScalerMetadata): Promise<ScalerEvaluation> {
    const key = JSON.stringify(metadata);
    const wall = Date.now();
    const current = this.inProgress.get(scaledObject);
    const live = current && current.deadlineAt > wall ? current : undefined;
    if (live?.metadata === key) return live.evaluation;
    const deadlineAt = Math.max(wall, live?.deadlineAt ?? wall) + this.evaluationDeadlineMs;
    const evaluation = (live?.evaluation ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => withDeadline(this.evaluateNow(scaledObject, metadata), deadlineAt - Date.now(), () => new EvaluationTimeoutError(scaledObject, this.evaluationDeadlineMs)));
    const entry = { metadata: key, deadlineAt, evaluation };
    this.inProgress.set(scaledObject, entry);
    const done = () => {
      if (this.inProgress.get(scaledObject) === entry) this.inProgress.delete(scaledObject);
    };
    evaluation.then(done, (error: unknown) => {
      if (error instanceof EvaluationTimeoutError) this.options.log(`${error.message}`);
      done();
    });
    return evaluation;
  }

  /** Resolves when no refit and no peak-lead measurement is queued or running (tests and benchmarks). */
  async settled(): Promise<void> {
    await Promise.all([...this.workloads.values()].map((state) => state.measuringPeakLeads));
    return this.pool.settled();
  }

  /** Stops the forecast workers this scaler started. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.close();
  }

  private async evaluateNow(scaledObject: string, metadata: ScalerMetadata): Promise<ScalerEvaluation> {
    const url = metadata.prometheusUrl ?? this.options.defaultPrometheusUrl;
    const seriesSettings = seriesSettingsOf(metadata, url);
    const now = this.now();
    this.forgetIdle(now);
    const known = this.workloads.get(scaledObject);
    // A changed query, step, history or lead time invalidates the fit, the history and the loads seen; the replicas served stay valid.
    const state: WorkloadState = known?.seriesSettings === seriesSettings ? known : { seriesSettings, lastSeenMs: now, recentDecisions: known?.recentDecisions ?? [], bandsAhead: new Map() };
    if (state !== known && known) this.pool.forget(scaledObject);
    state.lastSeenMs = now;
    this.workloads.set(scaledObject, state);
    const stepMs = metadata.stepSeconds * 1000;
    const leadSteps = leadStepsOf(metadata);
    const endMs = Math.floor(now / stepMs) * stepMs;
    const history = state.history;
    const fit = state.fit;
    const refitDue = fit
      ? now - fit.fittedAtMs >= this.options.refitIntervalMs || fit.lastTimestampMs > endMs || (history !== undefined && endMs < endOf(history))
      : state.fitProblem?.endMs !== endMs;
    let series: RegularSeries;
    try {
      if (!url) throw new PrometheusError("unreachable", metadata.query, "no prometheusUrl in the trigger metadata and no --prometheus-url default");
      const prometheus = new PrometheusClient(url, this.options.prometheus);
      if (!history || (refitDue && !state.refitting)) {
        const samples = await readOneSeries(prometheus, metadata.query, endMs - metadata.historyDays * 86_400_000, endMs, metadata.stepSeconds);
        series = toSeries(samples.timestampsMs, samples.values, metadata.stepSeconds, endMs);
      } else {
        // Read again from the step before the newest one observed (late samples complete it) through now.
        const keep = Math.max(0, lastFiniteIndex(history.values) - 1);
        const samples = await readOneSeries(prometheus, metadata.query, history.startMs + keep * stepMs, endMs, metadata.stepSeconds);
        series = toSeries(samples.timestampsMs, samples.values, metadata.stepSeconds, endMs, history.startMs, history.values.subarray(0, keep));
      }
    } catch (error) {
      if (!(error instanceof PrometheusError)) throw error;
      const reason: FallbackReason = error.isQueryProblem ? "query-rejected" : error.kind === "malformed" ? "malformed-response" : "prometheus-unavailable";
      return this.blind(scaledObject, metadata, state, now, reason, error.message);
    }
    const n = series.values.length;
    const newest = lastFiniteIndex(series.values);
    const newestAgeSteps = n - 1 - newest;
    if (newest < 0 || newestAgeSteps > leadSteps + 1) {
      const detail = newest < 0 ? "the query returned no sample (no series, or only NaN): a query that matches nothing is not zero load; write `... or vector(0)` if absence means zero" : `the newest sample is ${newestAgeSteps} steps old`;
      return this.blind(scaledObject, metadata, state, now, "no-samples", detail);
    }
    state.history = series;
    const observed = series.values[newest];
    state.lastObserved = observed;

    const lastPath = state.lastLead?.forecast;
    if (lastPath && newestAgeSteps === 0) {
      const ahead = Math.round((endMs - lastPath.pathOriginMs) / stepMs);
      if (ahead >= 1 && ahead <= lastPath.pathValues.length) {
        this.options.metrics.forecastAbsoluteError.set({ scaled_object: scaledObject }, Math.abs(observed - lastPath.pathValues[ahead - 1]));
      }
    }
    if (refitDue && !state.refitting) {
      this.startRefit(scaledObject, state, series, leadSteps, endMs);
      if (this.options.measurePeakLeads && url) this.startPeakLeads(scaledObject, state, metadata, url, now);
    }
    if (!state.fit && state.refitting) await waitAtMost(state.refitting, this.firstFitWaitMs);
    if (!state.fit) {
      const [reason, detail] = state.fitProblem ? (["history-too-short", state.fitProblem.message] as const) : (["fit-pending", "the first fit is not ready yet"] as const);
      return this.fallback(scaledObject, metadata, state, now, reason, detail, observed);
    }
    const lead = await this.leadForecast(scaledObject, metadata, state, series, leadSteps, endMs);
    if (typeof lead === "string") return this.fallback(scaledObject, metadata, state, now, lead, lead === "fit-pending" ? "the forecast worker holds no fit for it (replaced); refitting" : "the forecast worker is busy refitting and no earlier forecast covers now", observed);
    return this.decide(scaledObject, metadata, state, now, observed, lead);
  }

  /** The lead-window forecast: the last one when nothing it depends on changed, else the worker's, else the last one shifted to now. */
  private async leadForecast(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, series: RegularSeries, leadSteps: number, endMs: number): Promise<LeadSlice | FallbackReason> {
    const stepMs = series.stepSeconds * 1000;
    const inputs = JSON.stringify([state.fit?.fittedAtMs, endMs, metadata.quantile, leadSteps, Array.from(series.values.subarray(-leadSteps - 1))]);
    if (state.lastLead?.inputs === inputs) return state.lastLead.forecast;
    let answer: LeadForecast | "no-fit" | "busy";
    try {
      answer = await this.pool.forecast(scaledObject, series, metadata.quantile, leadSteps, this.forecastBudgetMs);
    } catch (error) {
      if (!(error instanceof RefitError)) throw error;
      answer = "no-fit";
    }
    if (answer === "no-fit") {
      state.fit = undefined;
      return "fit-pending";
    }
    if (answer !== "busy") {
      state.lastLead = { forecast: answer, originMs: endMs, inputs };
      return answer;
    }
    const previous = state.lastLead;
    const shift = previous ? Math.round((endMs - previous.originMs) / stepMs) : Infinity;
    if (!previous || shift >= previous.forecast.upper.length) return "forecast-busy";
    return { upper: previous.forecast.upper.slice(shift), lower: previous.forecast.lower.slice(shift), point: previous.forecast.point.slice(shift) };
  }

  private startRefit(scaledObject: string, state: WorkloadState, series: RegularSeries, leadSteps: number, endMs: number): void {
    const refitting = this.pool.refit(scaledObject, series, leadSteps).then(
      (summary) => {
        if (this.workloads.get(scaledObject) !== state) return;
        state.fit = { model: summary.model, lastTimestampMs: summary.lastTimestampMs, fittedAtMs: this.now() };
        state.fitProblem = undefined;
        state.lastLead = undefined;
        const labels = { scaled_object: scaledObject };
        this.options.metrics.refitSeconds.observe(labels, summary.seconds);
        this.options.metrics.backtestMeanAbsoluteError.set(labels, summary.backtestMeanAbsoluteError);
        this.options.log(`${scaledObject}: refitted on ${summary.steps} steps in ${summary.seconds.toFixed(2)} s: ${summary.model}`);
      },
      (error: unknown) => {
        if (this.workloads.get(scaledObject) !== state) return;
        state.fit = undefined;
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof RefitError && error.causeName === "InsufficientHistoryError") state.fitProblem = { message, endMs };
        else this.options.log(`${scaledObject}: refit failed, retried on the next evaluation: ${message}`);
      },
    );
    const tracked: Promise<void> = refitting.finally(() => {
      if (state.refitting === tracked) state.refitting = undefined;
    });
    state.refitting = tracked;
  }

  /** Measures the leads on the last whole days' peaks in the background, once per UTC day (retried at the next refit when it fails). */
  private startPeakLeads(scaledObject: string, state: WorkloadState, metadata: ScalerMetadata, url: string, now: number): void {
    const dayMs = Math.floor(now / 86_400_000) * 86_400_000;
    if (state.peakLeadsDayMs === dayMs || state.measuringPeakLeads) return;
    const labels = { scaled_object: scaledObject };
    const gauge = this.options.metrics.peakLeadMinutes;
    const measuring = measurePeakLeads(new PrometheusClient(url, this.options.prometheus), scaledObject, metadata.query, scalingPolicyFor(metadata).capacityPerPod, now).then(
      (leads) => {
        if (this.workloads.get(scaledObject) !== state) return;
        state.peakLeadsDayMs = dayMs;
        const last = leads[leads.length - 1];
        if (last) gauge.set(labels, last.leadMinutes);
        else gauge.remove(labels);
        this.options.log(`${scaledObject}: lead on the last peaks ${leads.length ? leads.map((l) => `${new Date(l.peakStartMs).toISOString().slice(0, 16)}Z ${l.leadMinutes} min`).join(", ") : "not measured: no whole day with demand and ready replicas known"}`);
      },
      (error: unknown) => this.options.log(`${scaledObject}: lead on the last peaks not measured, retried at the next refit: ${error instanceof Error ? error.message : String(error)}`),
    );
    state.measuringPeakLeads = measuring.finally(() => {
      state.measuringPeakLeads = undefined;
    });
  }

  /** Drops the state and metric series of ScaledObjects not asked about for `forgetAfterMs` (checked once a minute). */
  private forgetIdle(now: number): void {
    if (now - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = now;
    for (const [scaledObject, state] of this.workloads) {
      if (now - state.lastSeenMs < this.forgetAfterMs) continue;
      this.workloads.delete(scaledObject);
      this.pool.forget(scaledObject);
      this.options.metrics.forget(scaledObject, FALLBACK_REASONS);
      this.options.log(`${scaledObject}: forgotten, not asked about for ${Math.round((now - state.lastSeenMs) / 60_000)} min`);
    }
  }

  private countFallback(scaledObject: string, reason: FallbackReason, detail: string): void {
    this.options.metrics.fallback.set({ scaled_object: scaledObject }, 1);
    this.options.metrics.fallbacks.inc({ scaled_object: scaledObject, reason });
    this.options.log(`${scaledObject}: FALLBACK (${reason}): ${detail}`);
  }

  /** The load is not known now: hold the replicas on the last load seen, or answer an error when none was ever seen. */
  private blind(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, now: number, reason: FallbackReason, detail: string): ScalerEvaluation {
    if (state.lastObserved === undefined) {
      this.countFallback(scaledObject, reason, `${detail}; no load observed yet: answering KEDA with an error, so the replicas running are kept`);
      throw new LoadUnknownError(scaledObject, detail, reason);
    }
    return this.fallback(scaledObject, metadata, state, now, reason, detail, state.lastObserved);
  }

  private fallback(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, now: number, reason: FallbackReason, detail: string, observed: number): ScalerEvaluation {
    const blind = BLIND_REASONS.has(reason);
    this.countFallback(scaledObject, reason, `${detail}; serving the ${blind ? "last observed load, removing no pod" : "observed load"}`);
    return { ...this.decide(scaledObject, metadata, state, now, observed, { upper: [], lower: [], point: [] }, blind), fallback: reason };
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
  private decide(scaledObject: string, metadata: ScalerMetadata, state: WorkloadState, now: number, observed: number, forecast: LeadSlice, holdReplicas = false): ScalerEvaluation {
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
    this.exportBand(scaledObject, state, metadata, now, forecast);
    this.options.log(`${scaledObject}: ${decision.explanation}`);
    return { metricValue, decision, observedLoad: observed };
  }

  /**
   * Keeps the band of the farthest step of a whole lead window (the first one forecast for that step) and
   * exports the band forecast for the current step, so that demand now is drawn against what was
   * expected of it a lead window earlier; without one (a fallback then) the band series are removed.
   */
  private exportBand(scaledObject: string, state: WorkloadState, metadata: ScalerMetadata, now: number, forecast: LeadSlice): void {
    const stepMs = metadata.stepSeconds * 1000;
    const endMs = Math.floor(now / stepMs) * stepMs;
    const steps = forecast.upper.length;
    const target = endMs + steps * stepMs;
    if (steps === leadStepsOf(metadata) && !state.bandsAhead.has(target)) state.bandsAhead.set(target, { lower: forecast.lower[steps - 1], point: forecast.point[steps - 1], upper: forecast.upper[steps - 1] });
    for (const at of state.bandsAhead.keys()) if (at < endMs) state.bandsAhead.delete(at);
    const band = state.bandsAhead.get(endMs);
    const labels = { scaled_object: scaledObject };
    const { forecastLower, forecastPoint, forecastUpper } = this.options.metrics;
    if (band) {
      forecastLower.set(labels, band.lower);
      forecastPoint.set(labels, band.point);
      forecastUpper.set(labels, band.upper);
    } else for (const gauge of [forecastLower, forecastPoint, forecastUpper]) gauge.remove(labels);
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

/** Steps of the lead window: the lead time rounded up to whole steps. */
function leadStepsOf(metadata: ScalerMetadata): number {
  return Math.max(1, Math.ceil((metadata.leadTimeMinutes * 60) / metadata.stepSeconds));
}

/** Forecasts for the steps of the lead window. */
type LeadSlice = Pick<LeadForecast, "upper" | "lower" | "point">;

/** The query's one series over the range (none when it matches nothing); several series are a query to fix. */
async function readOneSeries(prometheus: PrometheusClient, query: string, startMs: number, endMs: number, stepSeconds: number): Promise<{ timestampsMs: number[]; values: number[] }> {
  const result = await prometheus.queryRange(query, startMs, endMs, stepSeconds);
  if (result.length > 1) throw new PrometheusError("rejected", query, `it returned ${result.length} series; aggregate it to one (e.g. sum(...)) in the trigger's query`);
  return result[0] ?? { timestampsMs: [], values: [] };
}

/** Waits for `work` to settle or `ms` to pass, whichever is first, and leaves no timer behind. */
async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), waited]).finally(() => clearTimeout(timer));
}

/** Settles as `work` does, or rejects with `timeout()` after `ms`. */
function withDeadline<T>(work: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeout()), Math.max(0, ms))));
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/**
 * The policy the simulation measured: `capacityPerPod` is a pod's load at `targetUtilisation`, so its
 * full capacity is capacityPerPod / targetUtilisation; the observed load and the point forecasts are
 * sized at the target and the upper-quantile forecast within full capacity (headroom counted once).
 */
function scalingPolicyFor(metadata: ScalerMetadata): ScalingPolicy {
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

function endOf(series: RegularSeries): number {
  return series.startMs + (series.values.length - 1) * series.stepSeconds * 1000;
}
