import type { RegularSeries } from "../forecast/regular-series";
import { HPA_SCALE_DOWN_STABILISATION_MS } from "../scaler/hpa-defaults";
import { SimulatedCluster, type ClusterModel } from "./cluster-model";
import { scoreOutcome, type AutoscalerOutcome } from "./outcome";
import { PredictiveAutoscaler, type PredictiveSettings } from "./predictive-autoscaler";
import { externalMetricReplicas, KUBERNETES_HPA_DEFAULTS, limitScaleUp, resourceMetricReplicas, type HpaSettings } from "./reactive-hpa";

export interface SimulationOptions {
  /** Cluster parameters; `capacityPerPod` undefined means: 95th percentile of the replayed demand / 20. */
  readonly cluster: Omit<ClusterModel, "capacityPerPod"> & { readonly capacityPerPod?: number };
  /** Utilisation both autoscalers aim the expected load at (the HPA's target). */
  readonly targetUtilisation: number;
  /** HPA tolerance and sync period; apply to the reactive HPA and to the HPA KEDA drives for the PSE. */
  readonly hpa: Omit<HpaSettings, "targetUtilisation">;
  /** Minutes between load happening and the autoscalers seeing it (metrics pipeline). */
  readonly metricLagMinutes: number;
  /** PSE settings; `leadMinutes` undefined means pod start-up + node provisioning. */
  readonly predictive: Omit<PredictiveSettings, "leadMinutes"> & { readonly leadMinutes?: number };
  /** Step of the load history the PSE forecasts on, in minutes (a multiple of the trace step; the trace's own step when coarser). */
  readonly forecastStepMinutes: number;
  /** Days at the end of the trace that are replayed (at most half the trace; the rest is history). */
  readonly simulateDays: number;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  cluster: { podStartupMinutes: 2, nodeProvisioningMinutes: 3, podsPerNode: 8, scaleDownStabilisationMinutes: HPA_SCALE_DOWN_STABILISATION_MS / 60_000, minReplicas: 1, maxReplicas: 1000 },
  targetUtilisation: 0.7,
  hpa: KUBERNETES_HPA_DEFAULTS,
  metricLagMinutes: 1,
  predictive: { quantile: 0.9, maxScaleDownFraction: 0.25, refitHours: 6, historyDays: 21 },
  forecastStepMinutes: 5,
  simulateDays: 14,
};

/** One trace step of the replay, for charts. */
export interface TimelinePoint {
  /** Start of the step, epoch ms. */
  readonly timestampMs: number;
  readonly demand: number;
  /** Lowest ready capacity (pods × capacity per pod) within the step. */
  readonly reactiveCapacity: number;
  readonly predictiveCapacity: number;
  /** Highest upper-quantile forecast for this step that the PSE sized for a lead window earlier (NaN when it had none). */
  readonly forecast: number;
}

export interface SimulationResult {
  readonly capacityPerPod: number;
  readonly leadMinutes: number;
  readonly simulatedMinutes: number;
  /** First replayed minute, epoch ms. */
  readonly startMs: number;
  readonly reactive: AutoscalerOutcome;
  readonly predictive: AutoscalerOutcome;
  /** Minutes in which the PSE had no forecast and sized for the observed load only. */
  readonly fallbackMinutes: number;
  /** Replayed minutes in gaps of the trace (demand unknown, held at the last value): not scored. */
  readonly gapMinutes: number;
  readonly timeline: TimelinePoint[];
}

/**
 * Replays a demand trace (held constant within each trace step) minute by minute through two
 * copies of the cluster. One is driven by a reactive HPA on CPU utilisation (Kubernetes' algorithm
 * at every 15 s sync: usage of the ready pods / target, 10% tolerance, starting pods counted idle,
 * +100%/+4 pods per sync, 5-minute scale-down stabilisation); the usage it sees is capped at what
 * the ready pods can serve. The other is driven by the PSE through the HPA KEDA creates (same
 * tolerance, limits and stabilisation), from the request rate, which is not capped. Gaps in the
 * trace hold the last known demand for the autoscalers but are not scored.
 */
export function runSimulation(series: RegularSeries, options: SimulationOptions = DEFAULT_SIMULATION): SimulationResult {
  const traceStep = series.stepSeconds / 60;
  if (!Number.isInteger(traceStep) || traceStep < 1) throw new RangeError(`the trace step must be a whole number of minutes, got ${series.stepSeconds} s`);
  const totalMinutes = series.values.length * traceStep;
  const simulatedMinutes = Math.min(Math.round(options.simulateDays * 1440 / traceStep) * traceStep, Math.floor(series.values.length / 2) * traceStep);
  const firstMinute = totalMinutes - simulatedMinutes;
  const demandPerStep = holdLastKnown(series.values);
  const knownAt = (minute: number) => Number.isFinite(series.values[Math.floor(minute / traceStep)]);
  const demandAt = (minute: number) => demandPerStep[Math.max(0, Math.floor(minute / traceStep))];

  const replayed = Array.from(demandPerStep.subarray(firstMinute / traceStep)).sort((a, b) => a - b);
  const capacityPerPod = options.cluster.capacityPerPod ?? Math.max(replayed[Math.floor(0.95 * (replayed.length - 1))] / 20, 1e-9);
  const cluster: ClusterModel = { ...options.cluster, capacityPerPod };
  const target = options.targetUtilisation;
  const peak = replayed[replayed.length - 1] ?? 0;
  if (Math.ceil(peak / (capacityPerPod * target) - 1e-9) > cluster.maxReplicas) throw new ClusterTooSmallError(peak, capacityPerPod, target, cluster.maxReplicas);
  const leadMinutes = options.predictive.leadMinutes ?? cluster.podStartupMinutes + cluster.nodeProvisioningMinutes;
  const hpa: HpaSettings = { ...options.hpa, targetUtilisation: target };
  const syncsPerMinute = Math.max(1, Math.round(60 / hpa.syncSeconds));

  const initial = Math.max(cluster.minReplicas, Math.ceil(demandAt(firstMinute - 1) / (capacityPerPod * target)));
  const reactive = new SimulatedCluster(cluster, initial, firstMinute);
  const predictive = new SimulatedCluster(cluster, initial, firstMinute);
  const pse = new PredictiveAutoscaler(
    forecastGrid(series, options.forecastStepMinutes),
    { ...options.predictive, leadMinutes },
    { capacityPerPod, targetUtilisation: target, minReplicas: cluster.minReplicas, maxReplicas: cluster.maxReplicas, maxScaleDownFraction: options.predictive.maxScaleDownFraction },
    options.metricLagMinutes,
  );

  const demand = new Float64Array(simulatedMinutes);
  const known = new Uint8Array(simulatedMinutes);
  const reactiveReady = new Float64Array(simulatedMinutes);
  const predictiveReady = new Float64Array(simulatedMinutes);
  const leadIndex = Math.round(leadMinutes);
  const forecastFor = new Float64Array(simulatedMinutes + leadIndex + 1).fill(NaN);
  let reactivePodMinutes = 0;
  let predictivePodMinutes = 0;
  let fallbackMinutes = 0;

  for (let m = 0; m < simulatedMinutes; m++) {
    const minute = firstMinute + m;
    const observed = demandAt(minute - options.metricLagMinutes);
    demand[m] = demandAt(minute);
    known[m] = knownAt(minute) ? 1 : 0;
    const ready = reactive.readyPods(minute);
    const usagePods = Math.min(observed, ready * capacityPerPod) / capacityPerPod;
    const evaluation = pse.evaluate(minute, observed, predictive.scheduledPods);
    if (evaluation.fallback) fallbackMinutes++;
    forecastFor[m + leadIndex] = evaluation.leadForecastUpper;
    for (let sync = 0; sync < syncsPerMinute; sync++) {
      const at = minute + sync / syncsPerMinute;
      const current = reactive.scheduledPods;
      reactive.scaleTo(limitScaleUp(current, resourceMetricReplicas({ readyPods: ready, currentReplicas: current, usagePods }, hpa)), at);
      const pseCurrent = predictive.scheduledPods;
      const metricValue = evaluation.decision.replicas * capacityPerPod;
      predictive.scaleTo(limitScaleUp(pseCurrent, externalMetricReplicas(metricValue, capacityPerPod, pseCurrent, hpa)), at);
    }
    reactiveReady[m] = reactive.readyPods(minute) * capacityPerPod;
    predictiveReady[m] = predictive.readyPods(minute) * capacityPerPod;
    if (known[m]) [reactivePodMinutes, predictivePodMinutes] = [reactivePodMinutes + reactive.scheduledPods, predictivePodMinutes + predictive.scheduledPods];
  }

  const startMs = series.startMs + firstMinute * 60_000;
  return {
    capacityPerPod,
    leadMinutes,
    simulatedMinutes,
    startMs,
    reactive: scoreOutcome(demand, reactiveReady, reactivePodMinutes, startMs, known),
    predictive: scoreOutcome(demand, predictiveReady, predictivePodMinutes, startMs, known),
    fallbackMinutes,
    gapMinutes: known.reduce((gaps, k) => gaps + (k ? 0 : 1), 0),
    timeline: timeline(demand, reactiveReady, predictiveReady, forecastFor, traceStep, startMs),
  };
}

/**
 * The replayed peak needs more pods at the target utilisation than the cluster's maximum: both
 * autoscalers would sit at the maximum, under-provisioned, and the comparison would say nothing.
 */
export class ClusterTooSmallError extends RangeError {
  /** Pods the peak needs at the target utilisation. */
  readonly podsNeeded: number;
  /** The smallest capacity per pod at which the peak fits in `maxReplicas` pods at the target. */
  readonly minimumCapacityPerPod: number;

  constructor(
    readonly peak: number,
    readonly capacityPerPod: number,
    readonly targetUtilisation: number,
    readonly maxReplicas: number,
  ) {
    const podsNeeded = Math.ceil(peak / (capacityPerPod * targetUtilisation) - 1e-9);
    super(`the replayed peak (${peak}) needs ${podsNeeded} pods of capacity ${capacityPerPod} at ${targetUtilisation} utilisation, more than the cluster's ${maxReplicas}`);
    this.name = "ClusterTooSmallError";
    this.podsNeeded = podsNeeded;
    this.minimumCapacityPerPod = peak / (targetUtilisation * maxReplicas);
  }
}

/** Gaps (NaN) take the last observed value (0 before any), negatives become 0. */
function holdLastKnown(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let last = 0;
  values.forEach((v, i) => {
    if (Number.isFinite(v)) last = Math.max(0, v);
    out[i] = last;
  });
  return out;
}

/** The trace averaged onto the PSE's forecast step (gaps stay gaps), in the trace's units. */
export function forecastGrid(series: RegularSeries, forecastStepMinutes: number): RegularSeries {
  const traceStep = series.stepSeconds / 60;
  const factor = Math.max(1, Math.round(forecastStepMinutes / traceStep));
  if (factor === 1 || (factor * traceStep) % traceStep !== 0) return series;
  const values = new Float64Array(Math.floor(series.values.length / factor) + (series.values.length % factor ? 1 : 0));
  for (let k = 0; k < values.length; k++) {
    let sum = 0;
    let count = 0;
    for (let i = k * factor; i < Math.min(series.values.length, (k + 1) * factor); i++) if (Number.isFinite(series.values[i])) [sum, count] = [sum + series.values[i], count + 1];
    values[k] = count > 0 ? sum / count : NaN;
  }
  return { startMs: series.startMs, stepSeconds: series.stepSeconds * factor, values };
}

function timeline(demand: Float64Array, reactive: Float64Array, predictive: Float64Array, forecastFor: Float64Array, traceStep: number, startMs: number): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  for (let m = 0; m < demand.length; m += traceStep) {
    let [r, p, f] = [Infinity, Infinity, NaN];
    for (let k = m; k < Math.min(demand.length, m + traceStep); k++) {
      [r, p] = [Math.min(r, reactive[k]), Math.min(p, predictive[k])];
      if (Number.isFinite(forecastFor[k])) f = Number.isFinite(f) ? Math.max(f, forecastFor[k]) : forecastFor[k];
    }
    points.push({ timestampMs: startMs + m * 60_000, demand: demand[m], reactiveCapacity: r, predictiveCapacity: p, forecast: f });
  }
  return points;
}
