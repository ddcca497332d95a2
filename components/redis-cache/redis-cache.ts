import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { createServiceSecurityGroup } from "../data-tier/client-access";
import type { DataServiceArgs } from "../data-tier/data-service-args";
import { createDataKey } from "../data-tier/encryption-key";
import { EvictionPolicy, nodeZones, RedisEngineVersion, redisParameterFamily } from "./engine";

export const REDIS_PORT = 6379;

/** The sizing and behaviour of a Redis cache, as a stack's configuration resolves it. */
export interface RedisSettings {
  /** ElastiCache node type, e.g. `cache.r7g.large`. Changing it is an online scale. */
  readonly nodeType: string;
  readonly engineVersion: RedisEngineVersion;
  /** Read replicas besides the primary, 0–5. With at least one: automatic failover and Multi-AZ. */
  readonly replicas: number;
  /** Days of daily snapshots kept; 0 takes none. */
  readonly snapshotRetentionDays: number;
  /** What Redis evicts when memory is full. */
  readonly evictionPolicy: EvictionPolicy;
}

export interface RedisCacheArgs extends RedisSettings, DataServiceArgs {
  /** The zones of `subnetIds`; nodes are spread over them round-robin, primary first. */
  readonly availabilityZones: readonly string[];
  /** Commands slower than this are written to the slow log (and CloudWatch), in microseconds. @default 10000 */
  readonly slowLogThresholdMicros?: number;
}

/**
 * An ElastiCache Redis replication group: primary plus replicas spread over availability zones, encrypted at
 * rest with a customer-managed key and in transit (TLS required), clients authenticated with a generated
 * token that lives in Secrets Manager and only ever travels as a Pulumi secret.
 */
export class RedisCache extends pulumi.ComponentResource {
  readonly replicationGroupId: string;
  readonly arn: pulumi.Output<string>;
  readonly primaryEndpoint: pulumi.Output<string>;
  readonly readerEndpoint: pulumi.Output<string>;
  readonly port: number;
  /** ARN of the Secrets Manager secret holding the auth token (never the token). */
  readonly authSecretArn: pulumi.Output<string>;
  readonly securityGroupId: pulumi.Output<string>;
  readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: RedisCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    const replicationGroupId = `${args.namePrefix}-redis`;
    const problems: string[] = [];
    if (replicationGroupId.length > 40) problems.push(`replication group id ${replicationGroupId} is longer than ElastiCache's 40 characters: use a shorter stack name`);
    if (!Number.isInteger(args.replicas) || args.replicas < 0 || args.replicas > 5) problems.push(`replicas must be 0–5, got ${args.replicas}`);
    if (args.subnetIds.length !== args.availabilityZones.length) problems.push(`${args.subnetIds.length} subnets for ${args.availabilityZones.length} availability zones: pass one subnet per zone`);
    if (problems.length > 0) throw new Error(`RedisCache ${name}: ${problems.join("; ")}`);
    super("icna:components:RedisCache", name, {}, opts);
    this.replicationGroupId = replicationGroupId;
    this.port = REDIS_PORT;

    const child = { parent: this };
    const kmsKeyArn =
      args.kmsKeyArn ??
      createDataKey(`${name}-key`, { alias: this.replicationGroupId, description: `ElastiCache ${this.replicationGroupId} data at rest and auth token`, isProduction: args.isProduction, tags: args.tags }, child).arn;

    const securityGroup = createServiceSecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        groupName: this.replicationGroupId,
        description: `ElastiCache ${this.replicationGroupId}: Redis from the platform clusters only`,
        clients: args.clients,
        ports: [{ from: REDIS_PORT, to: REDIS_PORT, description: "Redis over TLS" }],
        tags: args.tags,
      },
      child,
    );

    const subnetGroup = new aws.elasticache.SubnetGroup(`${name}-subnets`, { name: this.replicationGroupId, description: `Subnets of ${this.replicationGroupId}`, subnetIds: args.subnetIds, tags: args.tags }, child);

    const family = redisParameterFamily(args.engineVersion);
    const parameterGroup = new aws.elasticache.ParameterGroup(
      `${name}-params-${family}`,
      {
        name: `${this.replicationGroupId}-${family}`,
        family,
        description: `Eviction and slow-log settings of ${this.replicationGroupId}`,
        parameters: [
          { name: "maxmemory-policy", value: args.evictionPolicy },
          { name: "slowlog-log-slower-than", value: String(args.slowLogThresholdMicros ?? 10000) },
        ],
        tags: args.tags,
      },
      child,
    );

    // ElastiCache accepts printable ASCII except / " @ and space in a token; these specials are all allowed.
    const token = new random.RandomPassword(`${name}-auth-token`, { length: 64, special: true, overrideSpecial: "!&#$^<>-", minLower: 4, minUpper: 4, minNumeric: 4 }, child);
    const authToken = pulumi.secret(token.result);

    const secret = new aws.secretsmanager.Secret(
      `${name}-auth`,
      {
        name: `${this.replicationGroupId}/auth-token`,
        description: `AUTH token of ElastiCache ${this.replicationGroupId}`,
        kmsKeyId: kmsKeyArn,
        recoveryWindowInDays: args.isProduction ? 30 : 7,
        tags: args.tags,
      },
      child,
    );
    new aws.secretsmanager.SecretVersion(`${name}-auth`, { secretId: secret.id, secretString: authToken }, child);

    const slowLog = new aws.cloudwatch.LogGroup(
      `${name}-slow-log`,
      { name: `/aws/elasticache/${this.replicationGroupId}/slow-log`, retentionInDays: args.logRetentionDays ?? (args.isProduction ? 90 : 30), tags: args.tags },
      { ...child, retainOnDelete: args.isProduction },
    );

    const highlyAvailable = args.replicas >= 1;
    const group = new aws.elasticache.ReplicationGroup(
      `${name}-group`,
      {
        replicationGroupId: this.replicationGroupId,
        description: `ICNA cache ${this.replicationGroupId}`,
        engine: "redis",
        engineVersion: args.engineVersion,
        nodeType: args.nodeType,
        port: REDIS_PORT,
        numCacheClusters: args.replicas + 1,
        preferredCacheClusterAzs: nodeZones(args.availabilityZones, args.replicas + 1),
        automaticFailoverEnabled: highlyAvailable,
        multiAzEnabled: highlyAvailable,
        subnetGroupName: subnetGroup.name,
        securityGroupIds: [securityGroup.id],
        parameterGroupName: parameterGroup.name,
        atRestEncryptionEnabled: true,
        kmsKeyId: kmsKeyArn,
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
        authToken,
        authTokenUpdateStrategy: "ROTATE",
        snapshotRetentionLimit: args.snapshotRetentionDays,
        snapshotWindow: "01:00-02:00",
        maintenanceWindow: "sun:04:30-sun:05:30",
        ...(args.isProduction ? { finalSnapshotIdentifier: `${this.replicationGroupId}-final` } : {}),
        autoMinorVersionUpgrade: true,
        applyImmediately: !args.isProduction,
        logDeliveryConfigurations: [{ destination: slowLog.name, destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" }],
        tags: { ...args.tags, Name: this.replicationGroupId },
      },
      { ...child, protect: args.isProduction },
    );

    this.arn = group.arn;
    this.primaryEndpoint = group.primaryEndpointAddress;
    this.readerEndpoint = group.readerEndpointAddress;
    this.authSecretArn = secret.arn;
    this.securityGroupId = securityGroup.id;
    this.kmsKeyArn = pulumi.output(kmsKeyArn);
    this.registerOutputs({
      replicationGroupId: this.replicationGroupId,
      arn: this.arn,
      primaryEndpoint: this.primaryEndpoint,
      readerEndpoint: this.readerEndpoint,
      port: this.port,
      authSecretArn: this.authSecretArn,
      securityGroupId: this.securityGroupId,
      kmsKeyArn: this.kmsKeyArn,
    });
  }
}
