import { fitForecast, InsufficientHistoryError, type ForecastFit } from "../forecast/engine";
import type { RegularSeries } from "../forecast/regular-series";
import { decideReplicas } from "../scaler/scaling-policy";
import { SimulatedCluster, type ClusterModel } from "./cluster-model";

export interface SimulationOptions {
  /** Cluster parameters; `capacityPerPod` undefined means: 95th percentile of the simulated demand / 20. */
  readonly cluster: Omit<ClusterModel, "capacityPerPod"> & { readonly capacityPerPod?: number };
  /** PSE lead window: how far ahead capacity must be in place. @default 20 */
  readonly leadMinutes: number;
  /** Upper quantile of the forecast the PSE sizes for. @default 0.9 */
  readonly quantile: number;
  readonly maxScaleDownFraction: number;
  readonly refitHours: number;
  readonly historyDays: number;
  /** Days at the end of the trace that are replayed (the rest is warm-up history). */
  readonly simulateDays: number;
  /** HPA tolerance (Kubernetes default 0.1). */
  readonly hpaTolerance: number;
}

export const DEFAULT_SIMULATION: SimulationOptions = {
  cluster: {
    targetUtilisation: 0.8,
    podStartupMinutes: 2,
    nodeProvisioningMinutes: 3,
    podsPerNode: 8,
    scaleDownStabilisationMinutes: 5,
    minReplicas: 1,
    maxReplicas: 1000,
  },
  leadMinutes: 20,
  quantile: 0.9,
  maxScaleDownFraction: 0.1,
  refitHours: 3,
  historyDays: 21,
  simulateDays: 14,
  hpaTolerance: 0.1,
};

/** How one autoscaler did over the replay. */
export interface AutoscalerOutcome {
  readonly underProvisionedMinutes: number;
  /** Largest (demand − ready capacity) / demand, in %. */
  readonly peakShortfallPercent: number;
  readonly podHours: number;
  /** Per day: minutes before the daily peak since when ready capacity covered the peak demand (negative: after the peak). */
  readonly dailyPeakLeadMinutes: number[];
}

export interface TimelinePoint {
  readonly minute: number;
  readonly demand: number;
  readonly reactiveCapacity: number;
  readonly predictiveCapacity: number;
  /** PSE upper-quantile forecast for this minute's step, made at the last refit (NaN before the first). */
  readonly forecast: number;
}

export interface SimulationResult {
  readonly capacityPerPod: number;
  readonly simulatedMinutes: number;
  readonly startMs: number;
  readonly reactive: AutoscalerOutcome;
  readonly predictive: AutoscalerOutcome;
  /** Minutes in which the PSE served the observed value (no usable forecast). */
  readonly fallbackMinutes: number;
  readonly timeline: TimelinePoint[];
}

/**
 * Replays a demand trace (held constant within each trace step) minute by minute through two
 * copies of the cluster: one driven by a reactive HPA (Kubernetes algorithm: utilisation / target
 * with a 10% tolerance, 1-minute metric lag, 5-minute scale-down stabilisation), one by the PSE
 * (forecast refitted every few hours on the history so far, scaling policy over the lead window).
 */
export function runSimulation(series: RegularSeries, options: SimulationOptions = DEFAULT_SIMULATION): SimulationResult {
  const stepMinutes = series.stepSeconds / 60;
  if (!Number.isInteger(stepMinutes) || stepMinutes < 1) throw new RangeError(`the trace step must be a whole number of minutes, got ${series.stepSeconds} s`);
  const totalSteps = series.values.length;
  const simulatedSteps = Math.min(Math.round((options.simulateDays * 1440) / stepMinutes), Math.floor(totalSteps / 2));
  const firstStep = totalSteps - simulatedSteps;
  const demandAtStep = (step: number) => (Number.isFinite(series.values[step]) ? Math.max(0, series.values[step]) : lastKnown(series.values, step));
  const simulatedDemand = Array.from({ length: simulatedSteps }, (_, i) => demandAtStep(firstStep + i)).sort((a, b) => a - b);
  const capacityPerPod = options.cluster.capacityPerPod ?? Math.max(simulatedDemand[Math.floor(0.95 * (simulatedDemand.length - 1))] / 20, 1e-9);
  const cluster: ClusterModel = { ...options.cluster, capacityPerPod };
  const sizingCapacity = capacityPerPod * cluster.targetUtilisation;
  const initial = Math.max(cluster.minReplicas, Math.ceil(demandAtStep(firstStep - 1) / sizingCapacity));
  const reactive = new SimulatedCluster(cluster, initial);
  const predictive = new SimulatedCluster(cluster, initial);
  const minutes = simulatedSteps * stepMinutes;
  const leadSteps = Math.max(1, Math.ceil(options.leadMinutes / stepMinutes));
  const refitSteps = Math.max(1, Math.round((options.refitHours * 60) / stepMinutes));
  const historySteps = Math.round((options.historyDays * 1440) / stepMinutes);

  let fit: ForecastFit | undefined;
  let fitStep = -1;
  let fallbackMinutes = 0;
  const demand = new Float64Array(minutes);
  const readyReactive = new Float64Array(minutes);
  const readyPredictive = new Float64Array(minutes);
  let podMinutesReactive = 0;
  let podMinutesPredictive = 0;
  const timeline: TimelinePoint[] = [];

  for (let m = 0; m < minutes; m++) {
    const step = firstStep + Math.floor(m / stepMinutes);
    const observed = demandAtStep(step - 1);
    demand[m] = demandAtStep(step);

    const ready = reactive.readyPods(m) || reactive.scheduledPods;
    const ratio = observed / (Math.max(ready, 1) * sizingCapacity);
    const desired = Math.abs(ratio - 1) > options.hpaTolerance ? Math.ceil(ready * ratio) : reactive.scheduledPods;
    reactive.scaleTo(desired, m);

    const originStep = step - 1;
    if (fit === undefined || originStep - fitStep >= refitSteps) {
      const from = Math.max(0, originStep + 1 - historySteps);
      try {
        fit = fitForecast({ startMs: series.startMs + from * series.stepSeconds * 1000, stepSeconds: series.stepSeconds, values: series.values.slice(from, originStep + 1) }, { horizonSteps: leadSteps + refitSteps + 1 });
        fitStep = originStep;
      } catch (error) {
        if (!(error instanceof InsufficientHistoryError)) throw error;
        fit = undefined;
      }
    }
    const forecastUpper: number[] = [];
    if (fit) {
      const offset = originStep - fitStep;
      for (let h = offset + 1; h <= Math.min(offset + leadSteps, fit.values.length); h++) forecastUpper.push(fit.quantile(h, options.quantile));
    } else {
      fallbackMinutes++;
    }
    const decision = decideReplicas(
      { currentReplicas: predictive.scheduledPods, observedLoad: observed, forecastUpper },
      { capacityPerPod: sizingCapacity, minReplicas: cluster.minReplicas, maxReplicas: cluster.maxReplicas, maxScaleDownFraction: options.maxScaleDownFraction },
    );
    predictive.scaleTo(decision.replicas, m);

    readyReactive[m] = reactive.readyPods(m);
    readyPredictive[m] = predictive.readyPods(m);
    podMinutesReactive += reactive.scheduledPods;
    podMinutesPredictive += predictive.scheduledPods;
    if (m % stepMinutes === 0) {
      const offset = originStep - fitStep;
      timeline.push({
        minute: m,
        demand: demand[m],
        reactiveCapacity: readyReactive[m] * capacityPerPod,
        predictiveCapacity: readyPredictive[m] * capacityPerPod,
        forecast: fit && offset + 1 <= fit.values.length ? fit.quantile(offset + 1, options.quantile) : NaN,
      });
    }
  }
  const startMs = series.startMs + firstStep * series.stepSeconds * 1000;
  return {
    capacityPerPod,
    simulatedMinutes: minutes,
    startMs,
    reactive: outcome(demand, readyReactive, capacityPerPod, podMinutesReactive, startMs),
    predictive: outcome(demand, readyPredictive, capacityPerPod, podMinutesPredictive, startMs),
    fallbackMinutes,
    timeline,
  };
}

function lastKnown(values: Float64Array, step: number): number {
  for (let i = step; i >= 0; i--) if (Number.isFinite(values[i])) return Math.max(0, values[i]);
  return 0;
}

const MAX_LEAD_SEARCH_MINUTES = 240;

function outcome(demand: Float64Array, ready: Float64Array, capacityPerPod: number, podMinutes: number, startMs: number): AutoscalerOutcome {
  let under = 0;
  let shortfall = 0;
  for (let m = 0; m < demand.length; m++) {
    const capacity = ready[m] * capacityPerPod;
    if (demand[m] > capacity + 1e-9) {
      under++;
      if (demand[m] > 0) shortfall = Math.max(shortfall, (demand[m] - capacity) / demand[m]);
    }
  }
  const firstDayStart = Math.ceil(startMs / 86_400_000) * 86_400_000;
  const leads: number[] = [];
  for (let dayStart = Math.round((firstDayStart - startMs) / 60_000); dayStart + 1440 <= demand.length; dayStart += 1440) {
    let peak = dayStart;
    for (let m = dayStart; m < dayStart + 1440; m++) if (demand[m] > demand[peak]) peak = m;
    const covers = (m: number) => ready[m] * capacityPerPod >= demand[peak] - 1e-9;
    if (covers(peak)) {
      let since = peak;
      while (since - 1 >= Math.max(0, peak - MAX_LEAD_SEARCH_MINUTES) && covers(since - 1)) since--;
      leads.push(peak - since);
    } else {
      let after = peak;
      while (after < Math.min(demand.length - 1, peak + MAX_LEAD_SEARCH_MINUTES) && !covers(after)) after++;
      leads.push(peak - after);
    }
  }
  return { underProvisionedMinutes: under, peakShortfallPercent: 100 * shortfall, podHours: podMinutes / 60, dailyPeakLeadMinutes: leads };
}
