/** How a workload is sized from its forecast. */
export interface ScalingPolicy {
  /** Load one pod serves at 100% utilisation (same unit as the metric, e.g. requests/s). Must be > 0. */
  readonly capacityPerPod: number;
  /** Floor. @default 1 */
  readonly minReplicas: number;
  /** Ceiling. */
  readonly maxReplicas: number;
  /**
   * Largest fraction of the current replicas removed in one decision (0–1); when above 0, at least one
   * pod may always go, so a small workload is not held at its size by rounding.
   */
  readonly maxScaleDownFraction: number;
  /**
   * Utilisation the expected load (observed now, point forecasts) may reach, as the HPA's target:
   * the headroom above it absorbs short bursts. The upper-quantile forecast only has to fit within
   * full capacity, since it already is the unlikely high. @default 1
   */
  readonly targetUtilisation?: number;
}

/** What the policy decides from. */
export interface ScalingInputs {
  readonly currentReplicas: number;
  /** Load observed now. */
  readonly observedLoad: number;
  /** Upper-quantile forecasts for each step of the lead window (pod start-up + node provisioning); may be empty (fallback). */
  readonly forecastUpper: readonly number[];
  /** Point forecasts for the same steps; when absent the upper quantile stands in for them. */
  readonly forecastPoint?: readonly number[];
}

export interface ScalingDecision {
  readonly replicas: number;
  /** Capacity (load at 100% utilisation) the replicas are sized for: max(observed / target, point peak / target, upper peak). */
  readonly targetLoad: number;
  /** What bound the result: forecast, observed, step-down limit, floor or ceiling. */
  readonly boundBy: "forecast" | "observed" | "step-down" | "floor" | "ceiling";
  /** One line saying why, for the logs. */
  readonly explanation: string;
}

/**
 * Replicas for the lead window's forecasts — the expected load at the target utilisation and the
 * upper-quantile load within full capacity — never below what the observed load needs now at the
 * target, removing at most `maxScaleDownFraction` of the pods per decision, within
 * [minReplicas, maxReplicas] (the ceiling wins over everything: it is the budget).
 */
export function decideReplicas(inputs: ScalingInputs, policy: ScalingPolicy): ScalingDecision {
  if (!(policy.capacityPerPod > 0)) throw new RangeError(`capacityPerPod must be > 0, got ${policy.capacityPerPod}`);
  const target = policy.targetUtilisation ?? 1;
  if (!(target > 0 && target <= 1)) throw new RangeError(`targetUtilisation must be in (0, 1], got ${target}`);
  const peakOf = (values: readonly number[]) => values.reduce((max, v) => (Number.isFinite(v) ? Math.max(max, v) : max), -Infinity);
  const peak = peakOf(inputs.forecastUpper);
  const pointPeak = inputs.forecastPoint ? peakOf(inputs.forecastPoint) : peak;
  const observed = Math.max(0, inputs.observedLoad);
  const forecastNeed = Math.max(pointPeak / target, peak);
  const forecastLeads = forecastNeed > observed / target;
  const targetLoad = forecastLeads ? forecastNeed : observed / target;
  // max(0, …): zero load needs 0 pods, not -0 (ceil of the tolerance).
  const needed = Math.max(0, Math.ceil(targetLoad / policy.capacityPerPod - 1e-9));
  let replicas = needed;
  let boundBy: ScalingDecision["boundBy"] = forecastLeads ? "forecast" : "observed";
  const removable = policy.maxScaleDownFraction > 0 ? Math.max(1, Math.floor(inputs.currentReplicas * policy.maxScaleDownFraction + 1e-9)) : 0;
  const stepDownFloor = inputs.currentReplicas - removable;
  if (replicas < stepDownFloor) [replicas, boundBy] = [stepDownFloor, "step-down"];
  if (replicas < policy.minReplicas) [replicas, boundBy] = [policy.minReplicas, "floor"];
  if (replicas > policy.maxReplicas) [replicas, boundBy] = [policy.maxReplicas, "ceiling"];
  const pointText = inputs.forecastPoint && Number.isFinite(pointPeak) ? ` (expected ${round(pointPeak)})` : "";
  const peakText = Number.isFinite(peak) ? `forecast peak ${round(peak)}${pointText} over the next ${inputs.forecastUpper.length} step(s)` : "no forecast (reactive fallback)";
  const reasons: Record<ScalingDecision["boundBy"], string> = {
    forecast: `sized for the ${peakText}`,
    observed: `sized for the observed load (${peakText} is lower)`,
    "step-down": `${needed} would do, but at most ${removable} of ${inputs.currentReplicas} pods (${Math.round(policy.maxScaleDownFraction * 100)}%) are removed per decision`,
    floor: `${needed} would do; held at the floor of ${policy.minReplicas}`,
    ceiling: `${needed} needed but capped at the ceiling of ${policy.maxReplicas}`,
  };
  return {
    replicas,
    targetLoad,
    boundBy,
    explanation: `${inputs.currentReplicas} → ${replicas} replicas: observed ${round(observed)}, ${peakText}, ${round(policy.capacityPerPod * target)} per pod at the ${round(target * 100)}% target (${round(policy.capacityPerPod)} at 100%); ${reasons[boundBy]}`,
  };
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
