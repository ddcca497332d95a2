import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { MONITORING_NAMESPACE } from "../autoscaling-stack/monitoring-namespace";
import { createWatcherLogAccess, type WatcherLogAccessArgs } from "./watcher-log-access";
import { watcherConfigYaml, type WatcherSettings } from "./watcher-settings";
import { watcherRules } from "./watcher-rules";

const METRICS_PORT = 9464;

export interface AnomalyWatcherArgs extends Omit<WatcherSettings, "logs"> {
  /** Kubernetes provider of the cluster to deploy into. */
  readonly provider: k8s.Provider;
  /** Existing namespace to deploy into. @default "monitoring" */
  readonly namespace?: string;
  /** ICNA container image (it contains the `icna` CLI), pinned by digest in production. */
  readonly image: string;
  /** Labels the Prometheus Operator selects ServiceMonitors and PrometheusRules by. @default { release: "kube-prometheus-stack" } */
  readonly operatorSelector?: Readonly<Record<string, string>>;
  /**
   * Log triage on the cluster's CloudWatch Logs groups: new alerts carry the top hypotheses and the
   * log-pattern metrics are exported; the watcher reads the groups through its own IRSA role.
   * @default no log triage
   */
  readonly logs?: WatcherLogAccessArgs;
}

/**
 * The anomaly watcher in one cluster: its config (ConfigMap), a single-replica Deployment running
 * `icna watch` (detector state lives in memory, so one writer per colour), a Service for its metrics, a
 * ServiceMonitor so Prometheus scrapes the scores and expected bands, and a PrometheusRule alerting on the
 * watcher's own health. With `logs`, an IRSA role and service account let it read the cluster's log
 * groups for triage.
 */
export class AnomalyWatcher extends pulumi.ComponentResource {
  /** Name of the Service exposing `/metrics`. */
  readonly serviceName: pulumi.Output<string>;

  constructor(name: string, args: AnomalyWatcherArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:observability:AnomalyWatcher", name, {}, opts);
    const namespace = args.namespace ?? MONITORING_NAMESPACE;
    const appName = `icna-watcher-${args.colour}`;
    const labels = { "app.kubernetes.io/name": "icna-watcher", "app.kubernetes.io/instance": appName, "icna.io/colour": args.colour };
    const operatorLabels = { ...(args.operatorSelector ?? { release: "kube-prometheus-stack" }) };
    const child: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };

    const config = new k8s.core.v1.ConfigMap(`${name}-config`, {
      metadata: { name: appName, namespace, labels },
      data: { "watch.yaml": watcherConfigYaml({ ...args, logs: args.logs && { region: args.logs.account.region, groups: args.logs.groups } }) },
    }, child);
    const serviceAccountName = args.logs && createWatcherLogAccess(name, appName, namespace, args.logs, { parent: this }, child);

    new k8s.apps.v1.Deployment(`${name}-deployment`, {
      metadata: { name: appName, namespace, labels },
      spec: {
        replicas: 1,
        strategy: { type: "Recreate" },
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } },
            ...(serviceAccountName ? { serviceAccountName } : {}),
            containers: [
              {
                name: "watcher",
                image: args.image,
                args: ["watch", "--config", "/etc/icna/watch.yaml", "--listen", `0.0.0.0:${METRICS_PORT}`],
                ports: [{ name: "metrics", containerPort: METRICS_PORT }],
                readinessProbe: { httpGet: { path: "/healthz", port: "metrics" }, periodSeconds: 10 },
                livenessProbe: { httpGet: { path: "/healthz", port: "metrics" }, periodSeconds: 30, failureThreshold: 3 },
                // Log triage holds a time and a pattern reference per entry of the windows it reads; its deadline bounds how many.
                resources: args.logs ? { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } } : { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
                securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                volumeMounts: [{ name: "config", mountPath: "/etc/icna", readOnly: true }],
              },
            ],
            volumes: [{ name: "config", configMap: { name: config.metadata.name } }],
          },
        },
      },
    }, child);

    const service = new k8s.core.v1.Service(`${name}-service`, {
      metadata: { name: appName, namespace, labels },
      spec: { selector: labels, ports: [{ name: "metrics", port: METRICS_PORT, targetPort: "metrics" }] },
    }, child);

    new k8s.apiextensions.CustomResource(`${name}-servicemonitor`, {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "ServiceMonitor",
      metadata: { name: appName, namespace, labels: { ...labels, ...operatorLabels } },
      spec: { selector: { matchLabels: labels }, namespaceSelector: { matchNames: [namespace] }, endpoints: [{ port: "metrics", interval: "30s", path: "/metrics" }] },
    }, { ...child, dependsOn: [service] });

    new k8s.apiextensions.CustomResource(`${name}-rules`, {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: { name: appName, namespace, labels: { ...labels, ...operatorLabels } },
      spec: { groups: [{ name: "icna-watcher", rules: watcherRules(appName, namespace, { logTriage: args.logs !== undefined }) }] },
    }, child);

    this.serviceName = service.metadata.name;
    this.registerOutputs({ serviceName: this.serviceName });
  }
}
