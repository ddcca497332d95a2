import * as pulumi from "@pulumi/pulumi";
import { AppAccess, AppNamespace, WorkloadCluster } from "../app-access/app-access";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { KafkaCluster, KafkaSettings } from "../kafka-cluster/kafka-cluster";
import { PostgresDatabase, PostgresSettings } from "../postgres-database/postgres-database";
import { RedisCache, RedisSettings } from "../redis-cache/redis-cache";

/** Everything the data tier is built from, fully resolved (see `stacks/config/data-tier-schema.ts`). */
export interface DataTierSettings {
  readonly kafka: KafkaSettings;
  readonly postgres: PostgresSettings;
  readonly redis: RedisSettings;
  /** Workload namespaces that get a role and connection settings on every cluster. */
  readonly apps: readonly AppNamespace[];
  /** Retention of the services' logs in CloudWatch Logs, in days. */
  readonly logRetentionDays: number;
}

/** An EKS cluster that reaches the data tier: its cluster security group is the only source the data services admit. */
export type DataTierCluster = WorkloadCluster & Pick<ClusterHandle, "clusterSecurityGroupId">;

export interface DataTierArgs {
  /** Physical name prefix, `icna-<stack>`. */
  readonly namePrefix: string;
  readonly region: string;
  /** prod and dr: `protect`, deletion protection, final snapshots, retained keys and logs. */
  readonly isProduction: boolean;
  readonly tags: Record<string, string>;
  readonly settings: DataTierSettings;
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets in zone order (Kafka brokers). */
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** Isolated subnets in zone order (PostgreSQL and Redis). */
  readonly isolatedSubnetIds: pulumi.Input<string>[];
  /** The zones of the subnet lists, in the same order. */
  readonly availabilityZones: readonly string[];
  /**
   * The clusters of the stack. The data tier lives outside the blue/green unit: both colours reach the same
   * services, and adding or removing a colour only adds or removes that colour's ingress rules and access.
   */
  readonly clusters: readonly DataTierCluster[];
}

/** Connection details a stack may export: endpoints and ARNs, never a secret value. */
export interface DataTierConnection {
  readonly postgres: { readonly address: string; readonly port: number; readonly database: string; readonly masterSecretArn: string | undefined };
  readonly kafka: { readonly arn: string; readonly bootstrapBrokersIam: string };
  readonly redis: { readonly primaryEndpoint: string; readonly readerEndpoint: string; readonly port: number; readonly authSecretArn: string };
  /** IAM role of each workload namespace. */
  readonly appRoles: Record<string, string>;
}

/**
 * The platform's stateful services: Kafka (MSK), PostgreSQL (RDS) and Redis (ElastiCache), each admitting
 * only the clusters' security group, plus one access role and ConfigMap per workload namespace.
 */
export class DataTier extends pulumi.ComponentResource {
  readonly kafka: KafkaCluster;
  readonly postgres: PostgresDatabase;
  readonly redis: RedisCache;
  readonly apps: readonly AppAccess[];
  readonly connection: pulumi.Output<DataTierConnection>;

  constructor(name: string, args: DataTierArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:DataTier", name, {}, opts);
    const child = { parent: this };
    const { settings } = args;
    const shared = { namePrefix: args.namePrefix, vpcId: args.vpcId, isProduction: args.isProduction, tags: args.tags, logRetentionDays: settings.logRetentionDays };
    const clients = args.clusters.map((c) => ({ name: c.name, securityGroupId: c.clusterSecurityGroupId }));

    this.kafka = new KafkaCluster(`${name}-kafka`, { ...shared, ...settings.kafka, subnetIds: args.privateSubnetIds, clients }, child);
    this.postgres = new PostgresDatabase(`${name}-postgres`, { ...shared, ...settings.postgres, subnetIds: args.isolatedSubnetIds, clients }, child);
    this.redis = new RedisCache(`${name}-redis`, { ...shared, ...settings.redis, subnetIds: args.isolatedSubnetIds, availabilityZones: args.availabilityZones, clients }, child);

    // A namespace needs a cluster to trust; a stack without clusters (DR pilot light) gets no app access yet.
    this.apps =
      args.clusters.length === 0
        ? []
        : settings.apps.map(
            (app) =>
              new AppAccess(
                `${name}-app-${app.namespace}`,
                {
                  namePrefix: args.namePrefix,
                  region: args.region,
                  app,
                  clusters: args.clusters,
                  kafka: { clusterArn: this.kafka.arn, bootstrapBrokers: this.kafka.bootstrapBrokersIam },
                  postgres: { instanceArn: this.postgres.arn, resourceId: this.postgres.resourceId, address: this.postgres.address, port: this.postgres.port, databaseName: this.postgres.databaseName },
                  redis: {
                    primaryEndpoint: this.redis.primaryEndpoint,
                    readerEndpoint: this.redis.readerEndpoint,
                    port: this.redis.port,
                    authSecretArn: this.redis.authSecretArn,
                    kmsKeyArn: this.redis.kmsKeyArn,
                  },
                  tags: args.tags,
                },
                child,
              ),
          );

    const appRoles = pulumi.all(Object.fromEntries(this.apps.map((access, i) => [settings.apps[i].namespace, access.roleArn])));
    this.connection = pulumi
      .all([this.postgres.address, this.postgres.masterUserSecretArn, this.kafka.arn, this.kafka.bootstrapBrokersIam, this.redis.primaryEndpoint, this.redis.readerEndpoint, this.redis.authSecretArn, appRoles])
      .apply(([address, masterSecretArn, kafkaArn, bootstrapBrokersIam, primaryEndpoint, readerEndpoint, authSecretArn, roles]) => ({
        postgres: { address, port: this.postgres.port, database: this.postgres.databaseName, masterSecretArn },
        kafka: { arn: kafkaArn, bootstrapBrokersIam },
        redis: { primaryEndpoint, readerEndpoint, port: this.redis.port, authSecretArn },
        appRoles: roles,
      }));
    this.registerOutputs({ connection: this.connection });
  }
}
