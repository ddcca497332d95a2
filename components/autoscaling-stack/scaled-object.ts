import { parseScalerMetadata } from "../../runtime/scaler/scaler-metadata";
import { PSE_ADDRESS } from "./pse-endpoint";

/** A workload the PSE scales ahead of its load. */
export interface PredictiveWorkload {
  /** Name of the Deployment (or StatefulSet) to scale; the ScaledObject gets the same name. */
  readonly name: string;
  readonly namespace: string;
  /** PromQL returning one series: the load, e.g. `sum(rate(http_requests_total{app="api"}[5m]))`. */
  readonly query: string;
  /** Load one pod serves at its target utilisation, in the query's unit. */
  readonly capacityPerPod: number;
  /** Minutes of forecast to provision for: pod start-up plus node provisioning. */
  readonly leadMinutes: number;
  /** Forecast quantile to provision for, in [0.5, 1). */
  readonly quantile: number;
  /**
   * Utilisation at which one pod serves `capacityPerPod`: the observed load and the expected forecast
   * are sized at it, the upper quantile may use the pods up to 100%. @default 0.7
   */
  readonly targetUtilisation?: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Kind of the scale target. @default "Deployment" */
  readonly kind?: "Deployment" | "StatefulSet";
}

/** A `keda.sh/v1alpha1` ScaledObject as applied to the cluster. */
export interface ScaledObjectManifest {
  readonly apiVersion: "keda.sh/v1alpha1";
  readonly kind: "ScaledObject";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Record<string, string> };
  readonly spec: {
    readonly scaleTargetRef: { readonly apiVersion: "apps/v1"; readonly kind: "Deployment" | "StatefulSet"; readonly name: string };
    readonly pollingInterval: number;
    readonly minReplicaCount: number;
    readonly maxReplicaCount: number;
    readonly triggers: [{ readonly type: "external"; readonly metricType: "AverageValue"; readonly metadata: Record<string, string> }];
  };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * The ScaledObject that has KEDA scale a workload on the PSE's forecast. Its trigger is KEDA's `external`
 * scaler pointed at the PSE, with the metadata keys `icna scaler serve` parses (validated here with the
 * scaler's own parser, so a ScaledObject the PSE would reject never reaches the cluster). The metric type
 * is AverageValue: the PSE reports decided replicas × capacityPerPod against a target of capacityPerPod,
 * so the HPA lands exactly on the PSE's decision. No KEDA `fallback` is set on purpose: when the PSE is
 * unreachable the HPA keeps the current replica count instead of jumping to a fixed one. No HPA
 * `behavior` either: the PSE bounds its step-down by what the HPA runs, which it infers from Kubernetes'
 * default 5-minute scale-down stabilisation (`HPA_SCALE_DOWN_STABILISATION_MS`).
 */
export function scaledObjectFor(workload: PredictiveWorkload, scalerAddress: string = PSE_ADDRESS): ScaledObjectManifest {
  const problems: string[] = [];
  if (!DNS_SUBDOMAIN.test(workload.name) || workload.name.length > 253) problems.push(`name "${workload.name}" is not a Kubernetes object name (lower-case letters, digits, "-" and ".")`);
  if (!DNS_LABEL.test(workload.namespace) || workload.namespace.length > 63) problems.push(`namespace "${workload.namespace}" is not a Kubernetes namespace name (lower-case letters, digits and "-", at most 63)`);
  if (problems.length > 0) throw new Error(`ScaledObject ${workload.namespace}/${workload.name}: ${problems.join("; ")}`);

  const metadata: Record<string, string> = {
    scalerAddress,
    query: workload.query,
    capacityPerPod: String(workload.capacityPerPod),
    leadTimeMinutes: String(workload.leadMinutes),
    quantile: String(workload.quantile),
    ...(workload.targetUtilisation === undefined ? {} : { targetUtilisation: String(workload.targetUtilisation) }),
    minReplicas: String(workload.minReplicas),
    maxReplicas: String(workload.maxReplicas),
  };
  parseScalerMetadata(`${workload.namespace}/${workload.name}`, metadata);

  return {
    apiVersion: "keda.sh/v1alpha1",
    kind: "ScaledObject",
    metadata: { name: workload.name, namespace: workload.namespace, labels: { "app.kubernetes.io/managed-by": "icna", "icna.io/scaler": "pse" } },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: workload.kind ?? "Deployment", name: workload.name },
      pollingInterval: 30,
      minReplicaCount: workload.minReplicas,
      maxReplicaCount: workload.maxReplicas,
      triggers: [{ type: "external", metricType: "AverageValue", metadata }],
    },
  };
}
