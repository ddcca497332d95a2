import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PSE_GRPC_PORT, PSE_METRICS_PORT, PSE_NAME, PSE_NAMESPACE } from "./pse-endpoint";

export interface PseWorkloadArgs {
  /** ICNA image with the `icna` CLI as its entrypoint. */
  readonly image: string;
  /** Prometheus the PSE reads load history from (`--prometheus-url`). */
  readonly prometheusUrl: string;
  /** Two spread replicas in production, one elsewhere. */
  readonly isProduction: boolean;
  /** Create a ServiceMonitor (only when the Prometheus Operator runs in the cluster). */
  readonly serviceMonitor: false | { readonly labels: Record<string, string>; readonly dependsOn: pulumi.Resource[] };
}

/** How often each workload's forecaster is refitted (`--refit-minutes`). */
export const PSE_REFIT_MINUTES = 15;
const UID = 65532;

/**
 * The PSE in its own namespace (Pod Security "restricted" enforced): a ServiceAccount without an API
 * token or IAM role (it only reads Prometheus), a Deployment running `icna scaler serve` as a non-root
 * user on a read-only root filesystem with every capability dropped, a Service for KEDA's gRPC and the
 * metrics port, a PodDisruptionBudget and, with in-cluster Prometheus, a ServiceMonitor.
 */
export function createPseWorkload(name: string, args: PseWorkloadArgs, opts: pulumi.CustomResourceOptions): { service: k8s.core.v1.Service } {
  const labels = { "app.kubernetes.io/name": PSE_NAME, "app.kubernetes.io/component": "predictive-scaler", "app.kubernetes.io/part-of": "icna" };
  const restricted = { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" };
  const namespace = new k8s.core.v1.Namespace(`${name}-pse-namespace`, { metadata: { name: PSE_NAMESPACE, labels: restricted } }, opts);
  const inNamespace = { name: PSE_NAME, namespace: namespace.metadata.name, labels };

  const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-pse`, { metadata: inNamespace, automountServiceAccountToken: false }, opts);

  const replicas = args.isProduction ? 2 : 1;
  new k8s.apps.v1.Deployment(`${name}-pse`, {
    metadata: inNamespace,
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: serviceAccount.metadata.name,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: UID, runAsGroup: UID, fsGroup: UID, seccompProfile: { type: "RuntimeDefault" } },
          // Scaling decisions must keep flowing while Karpenter replaces the nodes it manages.
          tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }],
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } },
            { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: labels } },
          ],
          containers: [
            {
              name: "pse",
              image: args.image,
              args: [
                "scaler", "serve",
                "--host", "0.0.0.0",
                "--port", String(PSE_GRPC_PORT),
                "--metrics-port", String(PSE_METRICS_PORT),
                "--prometheus-url", args.prometheusUrl,
                "--refit-minutes", String(PSE_REFIT_MINUTES),
              ],
              ports: [
                { name: "grpc", containerPort: PSE_GRPC_PORT, protocol: "TCP" },
                { name: "metrics", containerPort: PSE_METRICS_PORT, protocol: "TCP" },
              ],
              readinessProbe: { httpGet: { path: "/metrics", port: "metrics" }, periodSeconds: 10, timeoutSeconds: 5 },
              livenessProbe: { httpGet: { path: "/metrics", port: "metrics" }, initialDelaySeconds: 20, periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 3 },
              // Refits are CPU bursts: a CPU limit would only throttle them, so memory alone is capped.
              resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } },
              securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
        },
      },
    },
  }, opts);

  const service = new k8s.core.v1.Service(`${name}-pse`, {
    metadata: inNamespace,
    spec: {
      type: "ClusterIP",
      selector: labels,
      ports: [
        { name: "grpc", port: PSE_GRPC_PORT, targetPort: "grpc", protocol: "TCP", appProtocol: "grpc" },
        { name: "metrics", port: PSE_METRICS_PORT, targetPort: "metrics", protocol: "TCP" },
      ],
    },
  }, opts);

  // maxUnavailable rather than minAvailable: a single dev replica must not block node drains forever.
  new k8s.policy.v1.PodDisruptionBudget(`${name}-pse`, { metadata: inNamespace, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } }, opts);

  if (args.serviceMonitor) {
    new k8s.apiextensions.CustomResource(`${name}-pse-servicemonitor`, {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { ...inNamespace, labels: { ...labels, ...args.serviceMonitor.labels } },
      spec: { selector: { matchLabels: labels }, namespaceSelector: { matchNames: [PSE_NAMESPACE] }, endpoints: [{ port: "metrics", path: "/metrics", interval: "30s" }] },
    }, { ...opts, dependsOn: [service, ...args.serviceMonitor.dependsOn] });
  }
  return { service };
}
