import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Environment } from "../../stacks/config/schema";
import { AwsAccount } from "../shared/aws-account";
import { EksCluster, NodeGroupArgs } from "../eks-cluster/eks-cluster";
import { Colour, weightedRecords } from "./traffic-records";

/** One colour's cluster settings. */
export interface ColourClusterArgs {
  /** False leaves this colour without a cluster (e.g. the DR stack until failover). */
  readonly enabled: boolean;
  readonly kubernetesVersion: string;
  readonly publicEndpoint: { readonly enabled: boolean; readonly cidrs: readonly string[] };
  readonly adminRoleArns: readonly string[];
  readonly nodeGroups: { readonly system: NodeGroupArgs; readonly workload: NodeGroupArgs };
  readonly addonVersions: Readonly<Record<string, string>>;
}

/** Arguments of the blue/green pair and its traffic switch. */
export interface BlueGreenClustersArgs {
  /** Cluster names are `<namePrefix>-blue` and `<namePrefix>-green`. */
  readonly namePrefix: string;
  readonly clusters: Readonly<Record<Colour, ColourClusterArgs>>;
  readonly vpcId: pulumi.Input<string>;
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** The public hostname and its Route 53 weights. */
  readonly traffic: {
    readonly hostname: string;
    readonly hostedZoneId: string;
    readonly weights: Readonly<Record<Colour, number>>;
    readonly ttlSeconds: number;
  };
  /** The stack kind: sets the clusters' control-plane log retention and, in prod and dr, their production safeguards. */
  readonly environment: Environment;
  readonly account: AwsAccount;
  readonly tags: Record<string, string>;
}

/** Physical cluster name of a colour. */
export function clusterNameOf(namePrefix: string, colour: Colour): string {
  return `${namePrefix}-${colour}`;
}

/**
 * Two EKS clusters on the shared network, each with its own Kubernetes version, and the traffic switch as
 * Route 53 weighted records. Live colour and weights reach only the records.
 */
export class BlueGreenClusters extends pulumi.ComponentResource {
  readonly clusters: Partial<Record<Colour, EksCluster>>;
  readonly records: Partial<Record<Colour, aws.route53.Record>>;

  constructor(name: string, args: BlueGreenClustersArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:BlueGreenClusters", name, {}, opts);
    this.clusters = {};
    this.records = {};
    for (const colour of ["blue", "green"] as const) {
      const settings = args.clusters[colour];
      if (!settings.enabled) continue;
      this.clusters[colour] = new EksCluster(`${name}-${colour}`, {
        clusterName: clusterNameOf(args.namePrefix, colour),
        kubernetesVersion: settings.kubernetesVersion,
        vpcId: args.vpcId,
        privateSubnetIds: args.privateSubnetIds,
        publicEndpoint: settings.publicEndpoint,
        adminRoleArns: settings.adminRoleArns,
        nodeGroups: settings.nodeGroups,
        addonVersions: settings.addonVersions,
        environment: args.environment,
        account: args.account,
        tags: { ...args.tags, "icna.io/colour": colour },
      }, { parent: this });
    }
    const enabled = { blue: args.clusters.blue.enabled, green: args.clusters.green.enabled };
    for (const record of weightedRecords(args.traffic.hostname, args.traffic.weights, enabled)) {
      this.records[record.colour] = new aws.route53.Record(`${name}-${record.colour}`, {
        zoneId: args.traffic.hostedZoneId,
        name: args.traffic.hostname,
        type: "CNAME",
        ttl: args.traffic.ttlSeconds,
        setIdentifier: record.colour,
        weightedRoutingPolicies: [{ weight: record.weight }],
        records: [record.target],
      }, { parent: this });
    }
    this.registerOutputs({});
  }
}
