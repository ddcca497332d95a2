import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { createDashboardConfigMaps } from "./dashboards/dashboards";
import type { GrafanaSetup } from "./grafana";
import { MONITORING_NAMESPACE } from "./monitoring-namespace";
import { pinnedRelease } from "./pinned-release";

/** Label the chart's Prometheus selects ServiceMonitors and PrometheusRules by (its release name). */
export const OPERATOR_SELECTOR = { release: "kube-prometheus-stack" };
export const IN_CLUSTER_PROMETHEUS_URL = `http://kube-prometheus-stack-prometheus.${MONITORING_NAMESPACE}.svc:9090`;
export const IN_CLUSTER_ALERTMANAGER_URL = `http://kube-prometheus-stack-alertmanager.${MONITORING_NAMESPACE}.svc:9093`;
/** Longer than the PSE's default forecasting history (21 days), with room for a week-over-week look back. */
export const PROMETHEUS_RETENTION_DAYS = 30;

/**
 * kube-prometheus-stack in `monitoring`: Prometheus and Alertmanager (two replicas each in production)
 * on encrypted gp3 volumes that outlive pod restarts, keeping enough history for the PSE to forecast from.
 * Grafana comes with it as `grafana` builds it for the namespace (admin password in a generated Secret, never the chart default).
 */
export function createInClusterPrometheus(name: string, isProduction: boolean, opts: pulumi.CustomResourceOptions, grafana: (namespace: pulumi.Output<string>) => GrafanaSetup): k8s.helm.v3.Release {
  const namespace = new k8s.core.v1.Namespace(`${name}-monitoring`, { metadata: { name: MONITORING_NAMESPACE } }, opts);
  const grafanaSetup = grafana(namespace.metadata.name);
  createDashboardConfigMaps(name, namespace.metadata.name, opts);
  const replicas = isProduction ? 2 : 1;
  const volume = (size: string) => ({ volumeClaimTemplate: { spec: { storageClassName: "gp3", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } } } } });
  return pinnedRelease(`${name}-kube-prometheus-stack`, "kube-prometheus-stack", namespace.metadata.name, {
    fullnameOverride: "kube-prometheus-stack",
    grafana: grafanaSetup.values,
    prometheus: {
      prometheusSpec: {
        replicas,
        retention: `${PROMETHEUS_RETENTION_DAYS}d`,
        retentionSize: "90GB",
        storageSpec: volume("100Gi"),
        resources: { requests: { cpu: "500m", memory: "2Gi" }, limits: { memory: "6Gi" } },
        podAntiAffinity: "soft",
      },
    },
    alertmanager: {
      alertmanagerSpec: {
        replicas,
        storage: volume("5Gi"),
        resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      },
    },
  }, { ...opts, dependsOn: grafanaSetup.dependsOn });
}
