import type { PrometheusClient } from "../prometheus/prometheus-client";
import { MAX_LEAD_SEARCH_MINUTES, scoreOutcome } from "../simulate/outcome";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Whole UTC days before today whose peaks are measured. */
export const PEAK_LEAD_DAYS = 3;

/** The lead on one day's peak. */
export interface PeakLead {
  /** Start of the day's busiest window (epoch ms). */
  readonly peakStartMs: number;
  /** Minutes before it since when ready capacity covered its mean demand (negative: covered only after it began; 240 = at least 240). */
  readonly leadMinutes: number;
}

/**
 * PromQL for the ready pods of a ScaledObject's Deployment, from kube-state-metrics: KEDA names the
 * HPA of ScaledObject `name` `keda-hpa-<name>`, whose info series names its scale target.
 */
export function readyReplicasQuery(scaledObject: string): string {
  const [namespace, name] = scaledObject.split("/");
  if (!namespace || !name) throw new Error(`"${scaledObject}" is not namespace/name`);
  const hpa = `kube_horizontalpodautoscaler_info{namespace="${escapeLabel(namespace)}", horizontalpodautoscaler="keda-hpa-${escapeLabel(name)}", scaletargetref_kind="Deployment"}`;
  return `max(kube_deployment_status_replicas_available * on (namespace, deployment) group_left () label_replace(${hpa}, "deployment", "$1", "scaletargetref_name", "(.+)"))`;
}

/**
 * The leads on the peaks of whole UTC days, as `icna simulate` scores them ({@link scoreOutcome}):
 * `demand` and `readyReplicas` are per minute from `startMs` (NaN where not known); ready capacity is
 * the ready replicas × `fullCapacityPerPod` (a pod's load at 100%). Days mostly unknown are skipped.
 */
export function peakLeadsOf(demand: Float64Array, readyReplicas: Float64Array, startMs: number, fullCapacityPerPod: number): PeakLead[] {
  if (demand.length !== readyReplicas.length) throw new RangeError(`demand has ${demand.length} minutes, ready replicas ${readyReplicas.length}`);
  const known = new Uint8Array(demand.length);
  const load = new Float64Array(demand.length);
  const capacity = new Float64Array(demand.length);
  for (let m = 0; m < demand.length; m++) {
    known[m] = Number.isFinite(demand[m]) && Number.isFinite(readyReplicas[m]) ? 1 : 0;
    load[m] = Number.isFinite(demand[m]) ? demand[m] : 0;
    capacity[m] = Number.isFinite(readyReplicas[m]) ? readyReplicas[m] * fullCapacityPerPod : 0;
  }
  const outcome = scoreOutcome(load, capacity, 0, startMs, known);
  return outcome.dailyPeakLeadMinutes.map((leadMinutes, i) => ({ peakStartMs: startMs + outcome.dailyPeakStartMinutes[i] * MINUTE_MS, leadMinutes }));
}

/**
 * Reads the last {@link PEAK_LEAD_DAYS} whole UTC days before `nowMs` (and the lead search before them)
 * at one-minute steps, demand from the trigger's query and ready replicas from kube-state-metrics, and
 * measures the lead on each day's peak, oldest first. Prometheus errors propagate.
 */
export async function measurePeakLeads(prometheus: PrometheusClient, scaledObject: string, demandQuery: string, fullCapacityPerPod: number, nowMs: number): Promise<PeakLead[]> {
  const todayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const startMs = todayMs - PEAK_LEAD_DAYS * DAY_MS - MAX_LEAD_SEARCH_MINUTES * MINUTE_MS;
  const endMs = todayMs - MINUTE_MS;
  const [demand, replicas] = await Promise.all([demandQuery, readyReplicasQuery(scaledObject)].map(async (query) => perMinute(await prometheus.queryRange(query, startMs, endMs, 60), query, startMs, endMs)));
  return peakLeadsOf(demand, replicas, startMs, fullCapacityPerPod);
}

function perMinute(series: ReadonlyArray<{ timestampsMs: readonly number[]; values: readonly number[] }>, query: string, startMs: number, endMs: number): Float64Array {
  if (series.length > 1) throw new Error(`${query} returned ${series.length} series; aggregate it to one`);
  const out = new Float64Array((endMs - startMs) / MINUTE_MS + 1).fill(NaN);
  const only = series[0];
  only?.timestampsMs.forEach((t, i) => (out[Math.round((t - startMs) / MINUTE_MS)] = only.values[i]));
  return out;
}

function escapeLabel(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
}
