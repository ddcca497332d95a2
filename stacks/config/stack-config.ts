import { SubnetSpec, SubnetTier } from "../../components/network/subnet-layout";
import type { DataTierConfig } from "./data-tier-schema";
import type { RuntimeConfig } from "./runtime-schema";
import { Colour, Environment, NodeGroupInput } from "./schema";

/** A node group with every default applied. */
export interface NodeGroupConfig extends Required<Omit<NodeGroupInput, "labels">> {
  readonly labels: Record<string, string>;
}

/** One colour's cluster with every default applied. */
export interface ClusterConfig {
  readonly enabled: boolean;
  readonly kubernetesVersion: string;
  readonly publicEndpoint: { readonly enabled: boolean; readonly cidrs: string[] };
  readonly adminRoleArns: string[];
  readonly nodeGroups: { readonly system: NodeGroupConfig; readonly workload: NodeGroupConfig };
  readonly addonVersions: Record<string, string>;
}

/** The validated, fully resolved configuration of one stack: what the program builds from. */
export interface StackConfig {
  /** Pulumi stack name (dev, prod, dr, or a user's own). */
  readonly stack: string;
  /** Prefix of every physical name, `icna-<stack>`. */
  readonly namePrefix: string;
  readonly region: string;
  /** 12-digit AWS account id. */
  readonly accountId: string;
  readonly environment: Environment;
  /** prod and dr: deletion protection, `protect`, Multi-AZ, private endpoints. */
  readonly isProduction: boolean;
  readonly tags: Record<string, string>;
  readonly network: {
    readonly cidr: string;
    readonly availabilityZones: string[];
    readonly natGateways: "single" | "perAz";
    readonly subnets: SubnetSpec[];
    readonly interfaceEndpoints: string[];
    readonly flowLogRetentionDays: number;
  };
  readonly clusters: Record<Colour, ClusterConfig>;
  readonly traffic: {
    readonly hostname: string;
    readonly hostedZoneId: string;
    readonly live: Colour;
    readonly weights: Record<Colour, number>;
    readonly ttlSeconds: number;
  };
  readonly dr?: { readonly region: string };
  /** Kafka, PostgreSQL, Redis and workload access, defaults applied. */
  readonly data: DataTierConfig;
  /** In-cluster runtime services of every colour. */
  readonly runtime: RuntimeConfig;
}

export type { Colour, Environment, SubnetTier };
