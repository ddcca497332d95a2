import * as pulumi from "@pulumi/pulumi";
import { AutoscalingStack } from "../components/autoscaling-stack/autoscaling-stack";
import { IN_CLUSTER_ALERTMANAGER_URL, OPERATOR_SELECTOR } from "../components/autoscaling-stack/in-cluster-prometheus";
import { PSE_NAMESPACE } from "../components/autoscaling-stack/pse-endpoint";
import { BlueGreenClusters, clusterNameOf } from "../components/blue-green-clusters/blue-green-clusters";
import { EksCluster } from "../components/eks-cluster/eks-cluster";
import { LogPipeline } from "../components/log-pipeline/log-pipeline";
import { AnomalyWatcher } from "../components/observability/anomaly-watcher";
import { DataTier } from "../components/data-tier/data-tier";
import { Network } from "../components/network/network";
import { GRAFANA_SSO_CLIENT_SECRET_KEY } from "./config/runtime-schema";
import { Colour, StackConfig } from "./config/stack-config";

/** What the stack exports. Secret-bearing values (kubeconfigs) are never exported. */
export interface PlatformOutputs {
  readonly vpcId: unknown;
  readonly clusters: Record<string, { name: unknown; oidcProviderArn: unknown }>;
  readonly hostname: string;
  readonly liveColour: string;
  /** Data-tier endpoints and ARNs (never secret values). */
  readonly dataTier: unknown;
}

/** Composes the platform from a validated stack config. dev, prod and dr differ only by config. */
export function createPlatform(config: StackConfig): PlatformOutputs {
  const account = { accountId: config.accountId, region: config.region };
  const enabledColours = (["blue", "green"] as const).filter((c) => config.clusters[c].enabled);

  const network = new Network(config.namePrefix, {
    cidr: config.network.cidr,
    availabilityZones: config.network.availabilityZones,
    subnets: config.network.subnets,
    natGateways: config.network.natGateways,
    interfaceEndpoints: config.network.interfaceEndpoints,
    flowLogRetentionDays: config.network.flowLogRetentionDays,
    clusterNames: (["blue", "green"] as const).map((c) => clusterNameOf(config.namePrefix, c)),
    karpenterDiscovery: config.namePrefix,
    account,
    tags: config.tags,
  });

  const blueGreen = new BlueGreenClusters(config.namePrefix, {
    namePrefix: config.namePrefix,
    clusters: config.clusters,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    traffic: config.traffic,
    environment: config.environment,
    account,
    tags: config.tags,
  });

  for (const colour of enabledColours) {
    const cluster = blueGreen.clusters[colour];
    if (cluster) createRuntimeServices(config, colour, cluster);
  }

  // Outside the blue/green unit: both colours reach the same data, and swapping colours never touches it.
  const dataTier = new DataTier(config.namePrefix, {
    namePrefix: config.namePrefix,
    region: config.region,
    isProduction: config.isProduction,
    tags: config.tags,
    settings: config.data,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    isolatedSubnetIds: network.isolatedSubnetIds,
    availabilityZones: network.availabilityZones,
    clusters: enabledColours.flatMap((colour) => {
      const cluster = blueGreen.clusters[colour];
      return cluster ? [{ name: colour, clusterSecurityGroupId: cluster.clusterSecurityGroupId, oidcProviderArn: cluster.oidcProviderArn, oidcProviderUrl: cluster.oidcProviderUrl, provider: cluster.provider }] : [];
    }),
  });

  return {
    vpcId: network.vpcId,
    clusters: Object.fromEntries(
      enabledColours.map((colour) => {
        const cluster = blueGreen.clusters[colour];
        return [colour, { name: cluster?.clusterName, oidcProviderArn: cluster?.oidcProviderArn }];
      }),
    ),
    hostname: config.traffic.hostname,
    liveColour: config.traffic.live,
    dataTier: dataTier.connection,
  };
}

/** Per cluster: the autoscaling stack (metrics-server, KEDA, Karpenter, Prometheus, the PSE), the log pipeline and the anomaly watcher. */
function createRuntimeServices(config: StackConfig, colour: Colour, cluster: EksCluster): void {
  const { runtime } = config;
  const clusterName = clusterNameOf(config.namePrefix, colour);
  const account = { accountId: config.accountId, region: config.region };
  const tags = { ...config.tags, "icna.io/colour": colour };
  const autoscaling = new AutoscalingStack(`${clusterName}-autoscaling`, {
    cluster,
    clusterName,
    karpenterDiscovery: config.namePrefix,
    account,
    tags,
    isProduction: config.isProduction,
    prometheus: runtime.prometheus,
    pseImage: runtime.image,
    karpenter: runtime.karpenter,
    grafanaSso: runtime.grafanaSso && { ...runtime.grafanaSso, clientSecret: new pulumi.Config("icna").requireSecret(GRAFANA_SSO_CLIENT_SECRET_KEY) },
  }, { parent: cluster });
  const logPipeline = new LogPipeline(`${clusterName}-logs`, { cluster, clusterName, account, environment: config.environment, tags }, { parent: cluster });
  new AnomalyWatcher(`${clusterName}-watcher`, {
    provider: cluster.provider,
    namespace: PSE_NAMESPACE,
    image: runtime.image,
    prometheusUrl: autoscaling.prometheusUrl,
    alertmanagerUrl: runtime.alertmanagerUrl ?? IN_CLUSTER_ALERTMANAGER_URL,
    colour,
    signals: runtime.watcher.signals,
    interval: runtime.watcher.interval,
    alertThreshold: runtime.watcher.alertThreshold,
    labels: { cluster: clusterName },
    operatorSelector: OPERATOR_SELECTOR,
    // New alerts carry the top log-triage hypotheses from the cluster's container logs.
    logs: { cluster, account, groups: [logPipeline.logGroupName], tags },
  }, { parent: cluster, dependsOn: [autoscaling, logPipeline] });
}
