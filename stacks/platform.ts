import { BlueGreenClusters, clusterNameOf } from "../components/blue-green-clusters/blue-green-clusters";
import { DataTier } from "../components/data-tier/data-tier";
import { Network } from "../components/network/network";
import { StackConfig } from "./config/stack-config";

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
    isProduction: config.isProduction,
    account,
    tags: config.tags,
  });

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
      return cluster ? [{ name: colour, securityGroupId: cluster.clusterSecurityGroupId, oidcProviderArn: cluster.oidcProviderArn, oidcProviderUrl: cluster.oidcProviderUrl, provider: cluster.provider }] : [];
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
