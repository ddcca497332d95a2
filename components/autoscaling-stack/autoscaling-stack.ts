import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import type { AwsAccount } from "../shared/aws-account";
import { createGrafana, type GrafanaSso } from "./grafana";
import { createInClusterPrometheus, IN_CLUSTER_PROMETHEUS_URL, OPERATOR_SELECTOR } from "./in-cluster-prometheus";
import { createKarpenter } from "./karpenter";
import { resolveKarpenterSettings, type KarpenterArgs } from "./karpenter-settings";
import { pinnedRelease } from "./pinned-release";
import { PSE_ADDRESS } from "./pse-endpoint";
import { createPseWorkload } from "./pse-workload";

/** Where the PSE reads load history: a kube-prometheus-stack the component installs, or one that already exists. */
export type PrometheusSource = { readonly mode: "in-cluster" } | { readonly mode: "external"; readonly url: string };

/** Arguments of one cluster's autoscaling stack; the cluster values come straight from its `EksCluster`. */
export interface AutoscalingStackArgs {
  /**
   * The cluster (an `EksCluster`): every in-cluster resource uses its Kubernetes provider; Karpenter's
   * IRSA role trusts its OIDC provider; Karpenter's nodes get an instance profile of its node role (the
   * only role Karpenter may pass to EC2) and its cluster security group, like the managed nodes.
   */
  readonly cluster: Omit<ClusterHandle, "clusterName">;
  /**
   * EKS cluster name, for Karpenter's settings, tag conditions and queue description. Pass the plain
   * name (`clusterNameOf`), not `EksCluster.clusterName`, so that a preview can read them.
   */
  readonly clusterName: pulumi.Input<string>;
  /** Value of the `karpenter.sh/discovery` tag on the private subnets (the network's `karpenterDiscovery`, i.e. the name prefix). */
  readonly karpenterDiscovery: string;
  readonly account: AwsAccount;
  /** Tags on every AWS resource and on the EC2 instances and volumes Karpenter launches. */
  readonly tags: Record<string, string>;
  /** Production: two replicas of the PSE, KEDA, metrics-server, Karpenter, Prometheus and Alertmanager. */
  readonly isProduction: boolean;
  readonly prometheus: PrometheusSource;
  /** ICNA container image with the `icna` CLI as entrypoint, pinned by tag or (in production) digest. */
  readonly pseImage: string;
  /** What Karpenter may launch. @default on-demand m/c/r 6th–7th generation Intel, at most 100 vCPUs, 50 GiB gp3 disks */
  readonly karpenter?: KarpenterArgs;
  /**
   * Create an EKS access entry (EC2_LINUX) for the node role. EKS already creates one when a managed node
   * group uses the role, as `EksCluster`'s do, and a second would conflict. @default false
   */
  readonly nodeAccessEntry?: boolean;
  /** Grafana (installed with the in-cluster Prometheus): single sign-on through generic OAuth. @default admin login only (its password generated into the `grafana-admin` Secret) */
  readonly grafanaSso?: GrafanaSso;
}

/**
 * The autoscaling stack of one cluster: metrics-server (resource metrics for HPAs), KEDA (drives HPAs
 * from external scalers), Karpenter (nodes for pending pods, interruption-aware), kube-prometheus-stack
 * unless an external Prometheus is given, and the Predictive Scaling Engine that KEDA asks for
 * forecast-driven replica counts. Workloads opt in with `PredictiveScaledObject` / `scaledObjectFor`.
 */
export class AutoscalingStack extends pulumi.ComponentResource {
  /** gRPC address of the PSE, the `scalerAddress` of every predictive ScaledObject. */
  readonly pseAddress: string;
  /** Prometheus the PSE reads from. */
  readonly prometheusUrl: string;
  readonly karpenterRoleArn: pulumi.Output<string>;
  readonly interruptionQueueName: pulumi.Output<string>;

  constructor(name: string, args: AutoscalingStackArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validated before registering, so bad arguments fail the program with one clear message.
    const component = `AutoscalingStack "${name}"`;
    const karpenterSettings = resolveKarpenterSettings(component, args.karpenter);
    const prometheusUrl = prometheusUrlOf(component, args.prometheus);
    super("icna:components:AutoscalingStack", name, {}, opts);
    this.prometheusUrl = prometheusUrl;
    this.pseAddress = PSE_ADDRESS;
    const awsOpts: pulumi.CustomResourceOptions = { parent: this };
    const k8sOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.cluster.provider };
    const replicas = args.isProduction ? 2 : 1;
    const criticalAddon = [{ key: "CriticalAddonsOnly", operator: "Exists" }];

    pinnedRelease(`${name}-metrics-server`, "metrics-server", "kube-system", {
      replicas,
      podDisruptionBudget: { enabled: true, maxUnavailable: 1 },
      tolerations: criticalAddon,
      resources: { requests: { cpu: "100m", memory: "200Mi" }, limits: { memory: "400Mi" } },
    }, k8sOpts);

    const kedaNamespace = new k8s.core.v1.Namespace(`${name}-keda`, { metadata: { name: "keda" } }, k8sOpts);
    const kedaComponent = (memory: string) => ({ requests: { cpu: "100m", memory: "128Mi" }, limits: { memory } });
    pinnedRelease(`${name}-keda`, "keda", kedaNamespace.metadata.name, {
      operator: { replicaCount: replicas },
      metricsServer: { replicaCount: replicas },
      webhooks: { replicaCount: replicas },
      podDisruptionBudget: { operator: { maxUnavailable: 1 }, metricServer: { maxUnavailable: 1 }, webhooks: { maxUnavailable: 1 } },
      tolerations: criticalAddon,
      resources: { operator: kedaComponent("1000Mi"), metricServer: kedaComponent("1000Mi"), webhooks: kedaComponent("512Mi") },
    }, k8sOpts);

    const karpenter = createKarpenter(name, {
      settings: karpenterSettings,
      cluster: args.cluster,
      clusterName: args.clusterName,
      discovery: args.karpenterDiscovery,
      nodeAccessEntry: args.nodeAccessEntry ?? false,
      account: args.account,
      tags: args.tags,
      isProduction: args.isProduction,
    }, awsOpts, k8sOpts);
    this.karpenterRoleArn = karpenter.roleArn;
    this.interruptionQueueName = karpenter.interruptionQueueName;

    const prometheusRelease = args.prometheus.mode === "in-cluster" ? createInClusterPrometheus(name, args.isProduction, k8sOpts, (namespace) =>
      createGrafana(name, { cluster: args.cluster, clusterName: args.clusterName, account: args.account, namespace, tags: args.tags, sso: args.grafanaSso }, awsOpts, k8sOpts),
    ) : undefined;
    createPseWorkload(name, {
      image: args.pseImage,
      prometheusUrl: this.prometheusUrl,
      isProduction: args.isProduction,
      serviceMonitor: prometheusRelease ? { labels: OPERATOR_SELECTOR, dependsOn: [prometheusRelease] } : false,
    }, k8sOpts);

    this.registerOutputs({ pseAddress: this.pseAddress, prometheusUrl: this.prometheusUrl, karpenterRoleArn: this.karpenterRoleArn, interruptionQueueName: this.interruptionQueueName });
  }
}

function prometheusUrlOf(component: string, source: PrometheusSource): string {
  if (source.mode === "in-cluster") return IN_CLUSTER_PROMETHEUS_URL;
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    throw new Error(`${component}: prometheus.url "${source.url}" is not a URL (give the Prometheus base URL, e.g. http://prometheus.monitoring.svc:9090)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`${component}: prometheus.url "${source.url}" must be http(s)`);
  return source.url.replace(/\/+$/, "");
}
