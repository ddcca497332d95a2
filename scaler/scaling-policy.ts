/** How a workload is sized from its forecast. */
export interface ScalingPolicy {
  /** Load one pod serves at its target (same unit as the metric, e.g. requests/s). Must be > 0. */
  readonly capacityPerPod: number;
  /** Floor. @default 1 */
  readonly minReplicas: number;
  /** Ceiling. */
  readonly maxReplicas: number;
  /** Largest fraction of the current replicas removed in one decision (0–1). @default 0.1 */
  readonly maxScaleDownFraction: number;
}

/** What the policy decides from. */
export interface ScalingInputs {
  readonly currentReplicas: number;
  /** Load observed now. */
  readonly observedLoad: number;
  /** Upper-quantile forecasts for each step of the lead window (pod start-up + node provisioning); may be empty (fallback). */
  readonly forecastUpper: readonly number[];
}

export interface ScalingDecision {
  readonly replicas: number;
  /** The load the replicas are sized for: max(largest forecast in the lead window, observed). */
  readonly targetLoad: number;
  /** What bound the result: forecast, observed, step-down limit, floor or ceiling. */
  readonly boundBy: "forecast" | "observed" | "step-down" | "floor" | "ceiling";
  /** One line saying why, for the logs. */
  readonly explanation: string;
}

/**
 * Replicas for the largest upper-quantile forecast over the lead window, never below what the
 * observed load needs now, removing at most `maxScaleDownFraction` of the pods per decision, within
 * [minReplicas, maxReplicas] (the ceiling wins over everything: it is the budget).
 */
export function decideReplicas(inputs: ScalingInputs, policy: ScalingPolicy): ScalingDecision {
  if (!(policy.capacityPerPod > 0)) throw new RangeError(`capacityPerPod must be > 0, got ${policy.capacityPerPod}`);
  const peak = inputs.forecastUpper.reduce((max, v) => (Number.isFinite(v) ? Math.max(max, v) : max), -Infinity);
  const observed = Math.max(0, inputs.observedLoad);
  const forecastLeads = peak > observed;
  const targetLoad = forecastLeads ? peak : observed;
  const needed = Math.ceil(targetLoad / policy.capacityPerPod - 1e-9);
  let replicas = needed;
  let boundBy: ScalingDecision["boundBy"] = forecastLeads ? "forecast" : "observed";
  const stepDownFloor = Math.ceil(inputs.currentReplicas * (1 - policy.maxScaleDownFraction));
  if (replicas < stepDownFloor) [replicas, boundBy] = [stepDownFloor, "step-down"];
  if (replicas < policy.minReplicas) [replicas, boundBy] = [policy.minReplicas, "floor"];
  if (replicas > policy.maxReplicas) [replicas, boundBy] = [policy.maxReplicas, "ceiling"];
  const peakText = Number.isFinite(peak) ? `forecast peak ${round(peak)} over the next ${inputs.forecastUpper.length} step(s)` : "no forecast (reactive fallback)";
  const reasons: Record<ScalingDecision["boundBy"], string> = {
    forecast: `sized for the ${peakText}`,
    observed: `sized for the observed load (${peakText} is lower)`,
    "step-down": `${needed} would do, but at most ${Math.round(policy.maxScaleDownFraction * 100)}% of ${inputs.currentReplicas} pods are removed per decision`,
    floor: `${needed} would do; held at the floor of ${policy.minReplicas}`,
    ceiling: `${needed} needed but capped at the ceiling of ${policy.maxReplicas}`,
  };
  return {
    replicas,
    targetLoad,
    boundBy,
    explanation: `${inputs.currentReplicas} → ${replicas} replicas: observed ${round(observed)}, ${peakText}, ${round(policy.capacityPerPod)} per pod; ${reasons[boundBy]}`,
  };
}

function round(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
