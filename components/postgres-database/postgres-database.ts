import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createServiceSecurityGroup } from "../data-tier/client-access";
import type { DataServiceArgs } from "../data-tier/data-service-args";
import { createDataKey } from "../data-tier/encryption-key";
import { dataSourceArgs, inheritsIdentity, PostgresDataSource } from "./data-source";
import { parameterGroupFamily, postgresVersionProblem } from "./engine-version";
import { postgresParameters } from "./parameters";
import { minimumStorageCeiling } from "./storage";

export const POSTGRES_PORT = 5432;

/** Copies of the automated backups kept in another region, for disaster recovery. */
export interface BackupReplication {
  /** The region the backups are replicated to (the DR region). */
  readonly region: string;
  /** Days the replicated backups are kept. */
  readonly retentionDays: number;
}

/** The sizing and behaviour of a PostgreSQL database, as a stack's configuration resolves it. */
export interface PostgresSettings {
  /** RDS instance class, e.g. `db.r7g.large`. */
  readonly instanceClass: string;
  /** `17` (latest minor, upgraded automatically) or `17.2`. A new major is an in-place upgrade with downtime. */
  readonly engineVersion: string;
  /** Initial gp3 storage in GiB; storage autoscaling grows it, nothing shrinks it. */
  readonly allocatedStorageGiB: number;
  /** Ceiling of storage autoscaling in GiB (at least 110% of the allocated storage). */
  readonly maxAllocatedStorageGiB: number;
  /** A synchronous standby in another availability zone. */
  readonly multiAz: boolean;
  /** Days of automated backups and point-in-time recovery, 1–35. */
  readonly backupRetentionDays: number;
  /** Name of the database created in the instance (ignored when the data comes from a backup or a source instance). */
  readonly databaseName: string;
  /** Statements slower than this are logged, in milliseconds. */
  readonly slowStatementMs: number;
  /** Performance Insights retention: 7 (free) or a multiple of 31 up to 731. */
  readonly performanceInsightsRetentionDays: number;
  /** Enhanced monitoring granularity in seconds (1, 5, 10, 15, 30 or 60). */
  readonly monitoringIntervalSeconds: number;
  /** Where the data comes from when the instance is created. */
  readonly dataSource: PostgresDataSource;
  /** Cross-region replication of the automated backups; absent when off. */
  readonly backupReplication?: BackupReplication;
}

export interface PostgresDatabaseArgs extends PostgresSettings, DataServiceArgs {
  /** Master user name (the credentials live in Secrets Manager, managed by RDS). @default "icna_admin" */
  readonly masterUsername?: string;
}

/**
 * An RDS PostgreSQL instance in isolated subnets, never public, encrypted with a customer-managed key, its
 * master password generated and rotated by RDS in Secrets Manager, IAM database authentication on, TLS
 * forced by its parameter group, with Performance Insights, enhanced monitoring and exported logs.
 */
export class PostgresDatabase extends pulumi.ComponentResource {
  readonly identifier: string;
  readonly arn: pulumi.Output<string>;
  /** The `db-…` resource id that IAM database authentication policies name. */
  readonly resourceId: pulumi.Output<string>;
  readonly address: pulumi.Output<string>;
  readonly port: number;
  readonly databaseName: string;
  /** ARN of the RDS-managed master secret (never its value); undefined for a read replica, whose credentials are the source's. */
  readonly masterUserSecretArn: pulumi.Output<string | undefined>;
  readonly securityGroupId: pulumi.Output<string>;
  readonly kmsKeyArn: pulumi.Output<string>;

  constructor(name: string, args: PostgresDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    const identifier = `${args.namePrefix}-postgres`;
    const problems = argumentProblems(identifier, args);
    if (problems.length > 0) throw new Error(`PostgresDatabase ${name}: ${problems.join("; ")}`);
    super("icna:components:PostgresDatabase", name, {}, opts);
    this.identifier = identifier;
    this.port = POSTGRES_PORT;
    this.databaseName = args.databaseName;

    const child = { parent: this };
    const family = parameterGroupFamily(args.engineVersion);
    const kmsKeyArn =
      args.kmsKeyArn ??
      createDataKey(`${name}-key`, { alias: this.identifier, description: `RDS ${this.identifier} storage, Performance Insights and master secret`, isProduction: args.isProduction, tags: args.tags }, child).arn;

    const securityGroup = createServiceSecurityGroup(
      `${name}-sg`,
      {
        vpcId: args.vpcId,
        groupName: this.identifier,
        description: `RDS ${this.identifier}: PostgreSQL from the platform clusters only`,
        clients: args.clients,
        ports: [{ from: POSTGRES_PORT, to: POSTGRES_PORT, description: "PostgreSQL" }],
        tags: args.tags,
      },
      child,
    );

    const subnetGroup = new aws.rds.SubnetGroup(`${name}-subnets`, { name: this.identifier, description: `Isolated subnets of ${this.identifier}`, subnetIds: args.subnetIds, tags: args.tags }, child);

    // The family is part of the name: a major upgrade creates the new group before the old one is deleted.
    const parameterGroup = new aws.rds.ParameterGroup(
      `${name}-params-${family}`,
      {
        name: `${this.identifier}-${family}`,
        family,
        description: `TLS-only connections and slow-statement logging for ${this.identifier}`,
        parameters: postgresParameters({ slowStatementMs: args.slowStatementMs }).map((p) => ({ ...p })),
        tags: args.tags,
      },
      child,
    );

    const monitoringRole = new aws.iam.Role(
      `${name}-monitoring`,
      {
        name: `${this.identifier}-monitoring`,
        description: `Enhanced monitoring of ${this.identifier}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
        tags: args.tags,
      },
      child,
    );
    const monitoringPolicy = new aws.iam.RolePolicyAttachment(`${name}-monitoring`, { role: monitoringRole.name, policyArn: aws.iam.ManagedPolicy.AmazonRDSEnhancedMonitoringRole }, child);

    // Created before the instance so that RDS writes into a group with a retention period instead of creating one that keeps logs forever.
    const logGroups = ["postgresql", "upgrade"].map(
      (log) =>
        new aws.cloudwatch.LogGroup(
          `${name}-log-${log}`,
          { name: `/aws/rds/instance/${this.identifier}/${log}`, retentionInDays: args.logRetentionDays ?? (args.isProduction ? 90 : 30), tags: args.tags },
          { ...child, retainOnDelete: args.isProduction },
        ),
    );

    const replica = args.dataSource.kind === "readReplica";
    const inherited = inheritsIdentity(args.dataSource);
    const instance = new aws.rds.Instance(
      `${name}-instance`,
      {
        identifier: this.identifier,
        ...(replica ? {} : { engine: "postgres", engineVersion: args.engineVersion }),
        ...(inherited ? {} : { dbName: args.databaseName, username: args.masterUsername ?? "icna_admin" }),
        ...(replica ? {} : { manageMasterUserPassword: true, masterUserSecretKmsKeyId: kmsKeyArn }),
        ...dataSourceArgs(args.dataSource),
        instanceClass: args.instanceClass,
        port: POSTGRES_PORT,
        storageType: "gp3",
        allocatedStorage: args.allocatedStorageGiB,
        maxAllocatedStorage: args.maxAllocatedStorageGiB,
        storageEncrypted: true,
        kmsKeyId: kmsKeyArn,
        multiAz: args.multiAz,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [securityGroup.id],
        publiclyAccessible: false,
        networkType: "IPV4",
        caCertIdentifier: "rds-ca-rsa2048-g1",
        parameterGroupName: parameterGroup.name,
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: args.backupRetentionDays,
        backupWindow: "02:00-03:00",
        maintenanceWindow: "sun:03:30-sun:04:30",
        copyTagsToSnapshot: true,
        deleteAutomatedBackups: !args.isProduction,
        deletionProtection: args.isProduction,
        // RDS refuses a final snapshot when deleting a read replica; the source keeps the data.
        skipFinalSnapshot: !args.isProduction || replica,
        ...(args.isProduction && !replica ? { finalSnapshotIdentifier: `${this.identifier}-final` } : {}),
        autoMinorVersionUpgrade: true,
        allowMajorVersionUpgrade: true,
        applyImmediately: !args.isProduction,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: kmsKeyArn,
        performanceInsightsRetentionPeriod: args.performanceInsightsRetentionDays,
        monitoringInterval: args.monitoringIntervalSeconds,
        monitoringRoleArn: monitoringRole.arn,
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        tags: { ...args.tags, Name: this.identifier },
      },
      {
        ...child,
        protect: args.isProduction,
        dependsOn: [monitoringPolicy, ...logGroups],
        ignoreChanges: ["snapshotIdentifier", "restoreToPointInTime", "replicateSourceDb"],
      },
    );

    if (args.backupReplication) {
      const { region, retentionDays } = args.backupReplication;
      const drProvider = new aws.Provider(`${name}-backup-region`, { region }, child);
      const inDrRegion = { parent: this, provider: drProvider };
      const drKey = createDataKey(
        `${name}-backup-key`,
        { alias: `${this.identifier}-backups`, description: `Replicated automated backups of ${this.identifier} in ${region}`, isProduction: args.isProduction, tags: args.tags },
        inDrRegion,
      );
      new aws.rds.InstanceAutomatedBackupsReplication(`${name}-backup-replication`, { sourceDbInstanceArn: instance.arn, kmsKeyId: drKey.arn, retentionPeriod: retentionDays }, inDrRegion);
    }

    this.arn = instance.arn;
    this.resourceId = instance.resourceId;
    this.address = instance.address;
    this.masterUserSecretArn = instance.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn);
    this.securityGroupId = securityGroup.id;
    this.kmsKeyArn = pulumi.output(kmsKeyArn);
    this.registerOutputs({
      identifier: this.identifier,
      arn: this.arn,
      resourceId: this.resourceId,
      address: this.address,
      port: this.port,
      databaseName: this.databaseName,
      masterUserSecretArn: this.masterUserSecretArn,
      securityGroupId: this.securityGroupId,
      kmsKeyArn: this.kmsKeyArn,
    });
  }
}

function argumentProblems(identifier: string, args: PostgresDatabaseArgs): string[] {
  const problems: string[] = [];
  const version = postgresVersionProblem(args.engineVersion);
  if (version) problems.push(version);
  if (identifier.length > 63) problems.push(`instance identifier ${identifier} is longer than RDS's 63 characters: use a shorter stack name`);
  if (args.subnetIds.length < 2) problems.push(`a DB subnet group needs subnets in at least two availability zones, got ${args.subnetIds.length}`);
  if (args.maxAllocatedStorageGiB < minimumStorageCeiling(args.allocatedStorageGiB)) {
    problems.push(`maxAllocatedStorageGiB ${args.maxAllocatedStorageGiB} must be at least 110% of allocatedStorageGiB ${args.allocatedStorageGiB} (${minimumStorageCeiling(args.allocatedStorageGiB)})`);
  }
  if (args.backupReplication && args.dataSource.kind === "readReplica") problems.push("a read replica has no automated backups of its own to replicate: turn backupReplication off");
  return problems;
}
