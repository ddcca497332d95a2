/** The Horizontal Pod Autoscaler's settings that shape its reactions (Kubernetes defaults). */
export interface HpaSettings {
  /** Target average utilisation of the pods' requests (e.g. 0.7 for 70%). */
  readonly targetUtilisation: number;
  /** Ratios within 1 ± tolerance leave the replica count alone. @default 0.1 */
  readonly tolerance: number;
  /** Seconds between two reconciliations (`--horizontal-pod-autoscaler-sync-period`). @default 15 */
  readonly syncSeconds: number;
}

export const KUBERNETES_HPA_DEFAULTS: Omit<HpaSettings, "targetUtilisation"> = { tolerance: 0.1, syncSeconds: 15 };

/** What the HPA sees of a workload at one sync. */
export interface ResourceMetricSample {
  readonly readyPods: number;
  /** Pods that exist (ready or starting): the HPA's current replicas. */
  readonly currentReplicas: number;
  /** Total usage in pods' worth of requests (load / capacity per pod), as reported by the ready pods. */
  readonly usagePods: number;
}

/**
 * Kubernetes' replica calculation for a resource (CPU) utilisation target: the ratio of the ready
 * pods' average utilisation to the target; within tolerance nothing changes; on a scale-up the
 * pods still starting count as idle, and if that brings the ratio back within tolerance (or below
 * 1) nothing changes either.
 */
export function resourceMetricReplicas(sample: ResourceMetricSample, settings: HpaSettings): number {
  const { readyPods, currentReplicas, usagePods } = sample;
  if (readyPods === 0) return currentReplicas;
  const ratio = usagePods / readyPods / settings.targetUtilisation;
  if (Math.abs(ratio - 1) <= settings.tolerance) return currentReplicas;
  if (ratio > 1 && readyPods < currentReplicas) {
    const withStarting = usagePods / currentReplicas / settings.targetUtilisation;
    if (withStarting <= 1 + settings.tolerance) return currentReplicas;
    return Math.ceil(withStarting * currentReplicas);
  }
  return Math.ceil(ratio * readyPods);
}

/**
 * Kubernetes' replica calculation for an external metric with an average-value target, as KEDA
 * sets it up: ratio = value / (target × current replicas), with the same tolerance.
 */
export function externalMetricReplicas(metricValue: number, targetAverageValue: number, currentReplicas: number, settings: Pick<HpaSettings, "tolerance">): number {
  const ratio = metricValue / (targetAverageValue * Math.max(1, currentReplicas));
  if (Math.abs(ratio - 1) <= settings.tolerance) return currentReplicas;
  return Math.ceil(metricValue / targetAverageValue - 1e-9);
}

/** The default scale-up behaviour: at most +100% or +4 pods (whichever is more) per 15 s. */
export function limitScaleUp(currentReplicas: number, desired: number): number {
  return Math.min(desired, Math.max(2 * currentReplicas, currentReplicas + 4));
}
