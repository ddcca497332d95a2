import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createServiceSecurityGroup } from "../data-tier/client-access";
import type { DataServiceArgs } from "../data-tier/data-service-args";
import { createDataKey } from "../data-tier/encryption-key";
import { brokerLayoutProblems, brokerZoneCount } from "./broker-layout";
import { EnhancedMonitoringLevel, KafkaVersion } from "./msk-options";
import { renderServerProperties } from "./server-properties";

/** MSK's SASL/IAM listener inside the VPC (TLS). */
export const KAFKA_IAM_PORT = 9098;
/** Open-monitoring exporters on every broker: JMX exporter 11001, node exporter 11002. */
export const KAFKA_PROMETHEUS_PORTS = { from: 11001, to: 11002 } as const;

/** The sizing and behaviour of a Kafka cluster, as a stack's configuration resolves it. */
export interface KafkaSettings {
  /** Broker instance type, e.g. `kafka.m7g.large`. Changing it rolls the brokers one at a time. */
  readonly instanceType: string;
  /** Number of brokers: a multiple of the zone count (2 or 3) and at least the replication factor. */
  readonly brokerCount: number;
  /** EBS data volume per broker in GiB; it can only grow. */
  readonly volumeSizeGiB: number;
  /** MSK Kafka version, e.g. `3.9.x.kraft`; upgrades are in place, downgrades replace the cluster. */
  readonly kafkaVersion: KafkaVersion;
  /** Record retention in hours (`log.retention.hours`). */
  readonly retentionHours: number;
  /** CloudWatch metrics level. */
  readonly enhancedMonitoring: EnhancedMonitoringLevel;
}

export interface KafkaClusterArgs extends KafkaSettings, DataServiceArgs {
  /** Replicas of each partition. @default 3 */
  readonly defaultReplicationFactor?: number;
  /** Replicas that must acknowledge a write (`acks=all`). @default 2 */
  readonly minInSyncReplicas?: number;
}

/**
 * An MSK cluster reachable only over TLS with IAM (SASL/IAM) authentication, encrypted at rest with a
 * customer-managed key, with a managed broker configuration, broker logs in CloudWatch and Prometheus
 * exporters for the platform's monitoring.
 */
export class KafkaCluster extends pulumi.ComponentResource {
  readonly clusterName: string;
  readonly arn: pulumi.Output<string>;
  /** `host:9098,…` bootstrap string for SASL/IAM clients. */
  readonly bootstrapBrokersIam: pulumi.Output<string>;
  readonly securityGroupId: pulumi.Output<string>;
  readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: KafkaClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    const replicationFactor = args.defaultReplicationFactor ?? 3;
    const minInSyncReplicas = args.minInSyncReplicas ?? 2;
    const zoneCount = brokerZoneCount(args.subnetIds.length);
    const clusterName = `${args.namePrefix}-kafka`;
    const problems = brokerLayoutProblems({ brokerCount: args.brokerCount, zoneCount, defaultReplicationFactor: replicationFactor, minInSyncReplicas });
    if (clusterName.length > 64) problems.push(`cluster name ${clusterName} is longer than MSK's 64 characters: use a shorter stack name`);
    if (problems.length > 0) throw new Error(`KafkaCluster ${name}: ${problems.join("; ")}`);
    super("icna:components:KafkaCluster", name, {}, opts);
    this.clusterName = clusterName;

    const child = { parent: this };
    const kmsKeyArn =
      args.kmsKeyArn ??
      createDataKey(`${name}-key`, { alias: this.clusterName, description: `MSK ${this.clusterName} data at rest`, isProduction: args.isProduction, tags: args.tags }, child).arn;

    const securityGroup = createServiceSecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        groupName: `${this.clusterName}-brokers`,
        description: `MSK ${this.clusterName}: SASL/IAM and Prometheus exporters from the platform clusters only`,
        clients: args.clients,
        ports: [
          { from: KAFKA_IAM_PORT, to: KAFKA_IAM_PORT, description: "Kafka SASL/IAM over TLS" },
          { ...KAFKA_PROMETHEUS_PORTS, description: "MSK open monitoring (JMX and node exporters)" },
        ],
        tags: args.tags,
      },
      child,
    );

    const configuration = new aws.msk.Configuration(
      `${name}-config`,
      {
        name: `${this.clusterName}-config`,
        description: `Broker settings of ${this.clusterName}, managed by ICNA`,
        serverProperties: renderServerProperties({ defaultReplicationFactor: replicationFactor, minInSyncReplicas, retentionHours: args.retentionHours }),
      },
      child,
    );

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-broker-logs`,
      { name: `/aws/msk/${this.clusterName}/brokers`, retentionInDays: args.logRetentionDays ?? (args.isProduction ? 90 : 30), tags: args.tags },
      { ...child, retainOnDelete: args.isProduction },
    );

    const cluster = new aws.msk.Cluster(
      `${name}-cluster`,
      {
        clusterName: this.clusterName,
        kafkaVersion: args.kafkaVersion,
        numberOfBrokerNodes: args.brokerCount,
        brokerNodeGroupInfo: {
          instanceType: args.instanceType,
          clientSubnets: args.subnetIds.slice(0, zoneCount),
          securityGroups: [securityGroup.id],
          storageInfo: { ebsStorageInfo: { volumeSize: args.volumeSizeGiB } },
          connectivityInfo: { publicAccess: { type: "DISABLED" } },
        },
        clientAuthentication: { sasl: { iam: true }, unauthenticated: false },
        encryptionInfo: {
          encryptionAtRestKmsKeyArn: kmsKeyArn,
          encryptionInTransit: { clientBroker: "TLS", inCluster: true },
        },
        configurationInfo: { arn: configuration.arn, revision: configuration.latestRevision },
        enhancedMonitoring: args.enhancedMonitoring,
        openMonitoring: { prometheus: { jmxExporter: { enabledInBroker: true }, nodeExporter: { enabledInBroker: true } } },
        loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: logGroup.name } } },
        tags: { ...args.tags, Name: this.clusterName },
      },
      { ...child, protect: args.isProduction },
    );

    this.arn = cluster.arn;
    this.bootstrapBrokersIam = cluster.bootstrapBrokersSaslIam;
    this.securityGroupId = securityGroup.id;
    this.kmsKeyArn = pulumi.output(kmsKeyArn);
    this.registerOutputs({ clusterName: this.clusterName, arn: this.arn, bootstrapBrokersIam: this.bootstrapBrokersIam, securityGroupId: this.securityGroupId, kmsKeyArn: this.kmsKeyArn });
  }
}
