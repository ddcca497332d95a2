import { z } from "zod";
import type { AppNamespace } from "../../components/app-access/app-access";
import type { DataTierSettings } from "../../components/data-tier/data-tier";
import { brokerLayoutProblems, brokerZoneCount, smallestValidBrokerCount } from "../../components/kafka-cluster/broker-layout";
import { ENHANCED_MONITORING_LEVELS, EnhancedMonitoringLevel, KAFKA_VERSIONS } from "../../components/kafka-cluster/msk-options";
import type { PostgresDataSource } from "../../components/postgres-database/data-source";
import { POSTGRES_MAJOR_VERSIONS, postgresVersionProblem } from "../../components/postgres-database/engine-version";
import { minimumStorageCeiling, recommendedStorageCeiling } from "../../components/postgres-database/storage";
import { EVICTION_POLICIES, EvictionPolicy, REDIS_ENGINE_VERSIONS, RedisEngineVersion } from "../../components/redis-cache/engine";
import type { ConfigProblem } from "./config-error";
import { isProductionEnvironment } from "./environment";
import type { Environment } from "./schema";

/** Performance Insights keeps 7 days for free, or whole months (31-day multiples) up to 731 days. */
const PERFORMANCE_INSIGHTS_RETENTION = [7, ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)), 731];
const MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60] as const;
const RESERVED_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

const KAFKA_INSTANCE_TYPE = /^kafka\.[a-z][a-z0-9]*\.(small|medium|large|\d*xlarge)$/;
const DB_INSTANCE_CLASS = /^db\.[a-z][a-z0-9-]*\.(micro|small|medium|large|\d*xlarge(\.tpc\d\.mem\d+x)?)$/;
const CACHE_NODE_TYPE = /^cache\.[a-z][a-z0-9]*\.(micro|small|medium|large|\d*xlarge)$/;
const BURSTABLE = /^(kafka|db|cache)\.t\d/;
const RDS_INSTANCE_ARN = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):\d{12}:db:[a-z][a-z0-9-]{0,62}$/;
const RDS_AUTOMATED_BACKUPS_ARN = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):\d{12}:auto-backup:ab-[a-z0-9]+$/;
const RDS_SNAPSHOT = /^([a-zA-Z][a-zA-Z0-9-]{0,254}|arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:snapshot:[a-zA-Z][a-zA-Z0-9:-]{0,254})$/;
const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const KAFKA_PREFIX = /^[a-zA-Z0-9._-]{1,200}$/;

const count = (min: number, max: number) => z.number().int().min(min).max(max);
/** Versions may be written unquoted in YAML (`17`, `7.1`): numbers become their text. */
const versionText = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (typeof value === "number" ? String(value) : value), schema);
const oneOf = <T extends number>(values: readonly T[], what: string) =>
  z.number().refine((v) => (values as readonly number[]).includes(v), { error: `is not ${what} (allowed: ${values.join(", ")})` });

const kafkaSchema = z
  .object({
    /** Broker type. @default kafka.m7g.large (dev, dr), kafka.m7g.xlarge (prod) */
    instanceType: z.string().regex(KAFKA_INSTANCE_TYPE, { error: "is not an MSK broker type such as kafka.m7g.large" }).optional(),
    /** Brokers: a multiple of the zone count (2 or 3), at least 3. @default the smallest such count */
    brokerCount: count(2, 30).optional(),
    /** Data volume per broker, GiB; grows only. @default 20 (dev), 100 (dr), 500 (prod) */
    volumeSizeGiB: count(1, 16384).optional(),
    /** MSK Kafka version. @default 3.9.x.kraft */
    kafkaVersion: z.enum(KAFKA_VERSIONS).optional(),
    /** Record retention in hours. @default 24 (dev), 168 (prod, dr) */
    retentionHours: count(1, 87600).optional(),
    /** CloudWatch metrics level. @default DEFAULT (dev), PER_BROKER (dr), PER_TOPIC_PER_BROKER (prod) */
    enhancedMonitoring: z.enum(ENHANCED_MONITORING_LEVELS).optional(),
  })
  .strict();

const postgresSchema = z
  .object({
    /** RDS instance class. @default db.t4g.medium (dev, dr), db.r7g.large (prod) */
    instanceClass: z.string().regex(DB_INSTANCE_CLASS, { error: "is not an RDS instance class such as db.r7g.large" }).optional(),
    /** Major (`17`) or major.minor (`17.2`). @default 17 */
    engineVersion: versionText(
      z.string().refine((v) => postgresVersionProblem(v) === undefined, { error: `is not a supported PostgreSQL version (majors ${POSTGRES_MAJOR_VERSIONS.join(", ")}, e.g. "17" or "16.4")` }),
    ).optional(),
    /** Initial gp3 storage, GiB. @default 20 (dev), 100 (prod, dr) */
    allocatedStorageGiB: count(20, 65536).optional(),
    /** Storage autoscaling ceiling, GiB, ≥ 110% of allocatedStorageGiB. @default 100 (dev), 1000 (prod, dr) */
    maxAllocatedStorageGiB: count(22, 65536).optional(),
    /** Synchronous standby in another zone; required in prod. @default true in prod, false otherwise */
    multiAz: z.boolean().optional(),
    /** Automated backup retention in days; production stacks keep at least 14. @default 7 (dev), 14 (prod, dr) */
    backupRetentionDays: count(1, 35).optional(),
    /** Database created in the instance. @default icna */
    databaseName: z.string().regex(PG_IDENTIFIER, { error: "is not a PostgreSQL name (lower-case letters, digits, _; starts with a letter or _)" }).optional(),
    /** Log statements slower than this, ms. @default 1000 (prod, dr), 250 (dev) */
    slowStatementMs: count(0, 3_600_000).optional(),
    /** Performance Insights retention, days. @default 7 */
    performanceInsightsRetentionDays: oneOf(PERFORMANCE_INSIGHTS_RETENTION, "a Performance Insights retention (7, or a multiple of 31 up to 731)").optional(),
    /** Enhanced monitoring interval, seconds. @default 60 (dev, dr), 15 (prod) */
    monitoringIntervalSeconds: oneOf(MONITORING_INTERVALS, "an enhanced monitoring interval").optional(),
    /** Create the database from existing backups (DR recreation); read only when the instance is created. */
    restoreFrom: z
      .object({
        /** ARN of automated backups in this region, e.g. the primary's replicated backups (`arn:aws:rds:<region>:<account>:auto-backup:ab-…`). */
        sourceDbInstanceAutomatedBackupsArn: z.string().regex(RDS_AUTOMATED_BACKUPS_ARN, { error: "is not an RDS automated-backups ARN (arn:aws:rds:<region>:<account>:auto-backup:ab-…)" }).optional(),
        /** Point in time to restore (UTC, e.g. 2026-11-28T23:00:00Z). @default the latest restorable time */
        restoreTime: z.string().regex(UTC_TIMESTAMP, { error: "is not a UTC timestamp such as 2026-11-28T23:00:00Z" }).optional(),
        /** A DB snapshot name, or the ARN of a shared or copied snapshot. */
        snapshotIdentifier: z.string().regex(RDS_SNAPSHOT, { error: "is not a DB snapshot name or ARN" }).optional(),
      })
      .strict()
      .optional(),
    /** ARN of a source instance to follow as a read replica (cross-region when in another region). */
    replicateSourceDb: z.string().regex(RDS_INSTANCE_ARN, { error: "is not an RDS DB instance ARN (arn:aws:rds:<region>:<account>:db:<identifier>)" }).optional(),
    /** Replicate automated backups to icna:dr.region. @default enabled in prod when icna:dr is set */
    backupReplication: z
      .object({
        enabled: z.boolean(),
        /** Days the replicated backups are kept. @default the backup retention */
        retentionDays: count(1, 35).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const redisSchema = z
  .object({
    /** ElastiCache node type. @default cache.t4g.small (dev, dr), cache.r7g.large (prod) */
    nodeType: z.string().regex(CACHE_NODE_TYPE, { error: "is not an ElastiCache node type such as cache.r7g.large" }).optional(),
    /** Redis OSS version. @default 7.1 */
    engineVersion: versionText(z.enum(REDIS_ENGINE_VERSIONS)).optional(),
    /** Replicas besides the primary; ≥ 1 in prod (failover). @default 0 (dev, dr), 2 (prod) */
    replicas: count(0, 5).optional(),
    /** Days of snapshots kept. @default 1 (dev), 7 (prod, dr) */
    snapshotRetentionDays: count(0, 35).optional(),
    /** `maxmemory-policy`. @default volatile-lru */
    evictionPolicy: z.enum(EVICTION_POLICIES).optional(),
  })
  .strict();

const appSchema = z
  .object({
    /** Kubernetes namespace of the workload. */
    namespace: z.string().regex(DNS_LABEL, { error: "is not a Kubernetes namespace name (lower-case letters, digits, -; at most 63)" }),
    /** Service account of its pods. @default the namespace */
    serviceAccount: z.string().regex(DNS_SUBDOMAIN, { error: "is not a Kubernetes service account name" }).optional(),
    /** PostgreSQL user (IAM auth). @default the namespace with - replaced by _ */
    databaseUser: z.string().regex(PG_IDENTIFIER, { error: "is not a PostgreSQL user name (lower-case letters, digits, _)" }).optional(),
    /** Prefix of the Kafka topics, groups and transactional ids it owns. @default "<namespace>." */
    kafkaPrefix: z.string().regex(KAFKA_PREFIX, { error: "is not a Kafka name prefix (letters, digits, . _ -)" }).optional(),
  })
  .strict();

/** The `icna:data` section of Pulumi.<stack>.yaml. Every setting is optional: dev defaults are small, prod highly available. */
export const dataTierSchema = z
  .object({
    kafka: kafkaSchema.optional(),
    postgres: postgresSchema.optional(),
    redis: redisSchema.optional(),
    /** Workload namespaces given data-tier access. */
    apps: z.array(appSchema).optional(),
  })
  .strict();

export type DataTierInput = z.infer<typeof dataTierSchema>;

/** The data tier of one stack with every default applied: what `DataTier` is built from. */
export type DataTierConfig = DataTierSettings;

/** What the data tier's defaults and checks depend on outside `icna:data`. */
export interface DataTierContext {
  readonly environment: Environment;
  readonly region: string;
  /** Availability zones of the stack's network. */
  readonly availabilityZoneCount: number;
  /** `icna:dr.region`, when the stack has a DR pairing. */
  readonly drRegion?: string;
}

interface EnvironmentDefaults {
  readonly kafka: { instanceType: string; volumeSizeGiB: number; retentionHours: number; enhancedMonitoring: EnhancedMonitoringLevel };
  readonly postgres: {
    instanceClass: string;
    allocatedStorageGiB: number;
    maxAllocatedStorageGiB: number;
    multiAz: boolean;
    backupRetentionDays: number;
    slowStatementMs: number;
    monitoringIntervalSeconds: number;
  };
  readonly redis: { nodeType: string; replicas: number; snapshotRetentionDays: number };
  readonly logRetentionDays: number;
}

/** dev is small and cheap, prod highly available, dr a pilot light: small, but with prod's data safeguards. */
export const DATA_TIER_DEFAULTS: Readonly<Record<Environment, EnvironmentDefaults>> = {
  dev: {
    kafka: { instanceType: "kafka.m7g.large", volumeSizeGiB: 20, retentionHours: 24, enhancedMonitoring: "DEFAULT" },
    postgres: { instanceClass: "db.t4g.medium", allocatedStorageGiB: 20, maxAllocatedStorageGiB: 100, multiAz: false, backupRetentionDays: 7, slowStatementMs: 250, monitoringIntervalSeconds: 60 },
    redis: { nodeType: "cache.t4g.small", replicas: 0, snapshotRetentionDays: 1 },
    logRetentionDays: 30,
  },
  prod: {
    kafka: { instanceType: "kafka.m7g.xlarge", volumeSizeGiB: 500, retentionHours: 168, enhancedMonitoring: "PER_TOPIC_PER_BROKER" },
    postgres: { instanceClass: "db.r7g.large", allocatedStorageGiB: 100, maxAllocatedStorageGiB: 1000, multiAz: true, backupRetentionDays: 14, slowStatementMs: 1000, monitoringIntervalSeconds: 15 },
    redis: { nodeType: "cache.r7g.large", replicas: 2, snapshotRetentionDays: 7 },
    logRetentionDays: 90,
  },
  dr: {
    kafka: { instanceType: "kafka.m7g.large", volumeSizeGiB: 100, retentionHours: 168, enhancedMonitoring: "PER_BROKER" },
    postgres: { instanceClass: "db.t4g.medium", allocatedStorageGiB: 100, maxAllocatedStorageGiB: 1000, multiAz: false, backupRetentionDays: 14, slowStatementMs: 1000, monitoringIntervalSeconds: 60 },
    redis: { nodeType: "cache.t4g.small", replicas: 0, snapshotRetentionDays: 7 },
    logRetentionDays: 90,
  },
};

const DEFAULT_REPLICATION_FACTOR = 3;
const DEFAULT_MIN_IN_SYNC_REPLICAS = 2;
const PRODUCTION_BACKUP_DAYS = 14;

const regionOfArn = (arn: string) => arn.split(":")[3];

function resolveApps(apps: DataTierInput["apps"]): AppNamespace[] {
  return (apps ?? []).map((app) => ({
    namespace: app.namespace,
    serviceAccount: app.serviceAccount ?? app.namespace,
    databaseUser: app.databaseUser ?? app.namespace.replace(/-/g, "_"),
    kafkaPrefix: app.kafkaPrefix ?? `${app.namespace}.`,
  }));
}

function resolveDataSource(postgres: NonNullable<DataTierInput["postgres"]>): PostgresDataSource {
  const restore = postgres.restoreFrom;
  if (postgres.replicateSourceDb) return { kind: "readReplica", sourceDbInstanceArn: postgres.replicateSourceDb };
  if (restore?.sourceDbInstanceAutomatedBackupsArn) {
    return { kind: "automatedBackups", sourceDbInstanceAutomatedBackupsArn: restore.sourceDbInstanceAutomatedBackupsArn, ...(restore.restoreTime ? { restoreTime: restore.restoreTime } : {}) };
  }
  if (restore?.snapshotIdentifier) return { kind: "snapshot", snapshotIdentifier: restore.snapshotIdentifier };
  return { kind: "empty" };
}

/** Applies the environment's defaults to a validated `icna:data` section (absent means all defaults). */
export function resolveDataTier(input: DataTierInput | undefined, context: DataTierContext): DataTierConfig {
  const defaults = DATA_TIER_DEFAULTS[context.environment];
  const kafka = input?.kafka ?? {};
  const postgres = input?.postgres ?? {};
  const redis = input?.redis ?? {};
  const zoneCount = brokerZoneCount(context.availabilityZoneCount);
  const backupRetentionDays = postgres.backupRetentionDays ?? defaults.postgres.backupRetentionDays;
  const replicateBackups = postgres.backupReplication?.enabled ?? (context.environment === "prod" && context.drRegion !== undefined);
  return {
    kafka: {
      instanceType: kafka.instanceType ?? defaults.kafka.instanceType,
      brokerCount: kafka.brokerCount ?? smallestValidBrokerCount(zoneCount, DEFAULT_REPLICATION_FACTOR),
      volumeSizeGiB: kafka.volumeSizeGiB ?? defaults.kafka.volumeSizeGiB,
      kafkaVersion: kafka.kafkaVersion ?? "3.9.x.kraft",
      retentionHours: kafka.retentionHours ?? defaults.kafka.retentionHours,
      enhancedMonitoring: kafka.enhancedMonitoring ?? defaults.kafka.enhancedMonitoring,
    },
    postgres: {
      instanceClass: postgres.instanceClass ?? defaults.postgres.instanceClass,
      engineVersion: postgres.engineVersion ?? "17",
      allocatedStorageGiB: postgres.allocatedStorageGiB ?? defaults.postgres.allocatedStorageGiB,
      maxAllocatedStorageGiB: postgres.maxAllocatedStorageGiB ?? defaults.postgres.maxAllocatedStorageGiB,
      multiAz: postgres.multiAz ?? defaults.postgres.multiAz,
      backupRetentionDays,
      databaseName: postgres.databaseName ?? "icna",
      slowStatementMs: postgres.slowStatementMs ?? defaults.postgres.slowStatementMs,
      performanceInsightsRetentionDays: postgres.performanceInsightsRetentionDays ?? 7,
      monitoringIntervalSeconds: postgres.monitoringIntervalSeconds ?? defaults.postgres.monitoringIntervalSeconds,
      dataSource: resolveDataSource(postgres),
      ...(replicateBackups && context.drRegion ? { backupReplication: { region: context.drRegion, retentionDays: postgres.backupReplication?.retentionDays ?? backupRetentionDays } } : {}),
    },
    redis: {
      nodeType: redis.nodeType ?? defaults.redis.nodeType,
      engineVersion: (redis.engineVersion ?? "7.1") satisfies RedisEngineVersion,
      replicas: redis.replicas ?? defaults.redis.replicas,
      snapshotRetentionDays: redis.snapshotRetentionDays ?? defaults.redis.snapshotRetentionDays,
      evictionPolicy: (redis.evictionPolicy ?? "volatile-lru") satisfies EvictionPolicy,
    },
    apps: resolveApps(input?.apps),
    logRetentionDays: defaults.logRetentionDays,
  };
}

const path = (...parts: (string | number)[]) => parts.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : `${text}.${part}`), "icna:data");

/**
 * Rules across settings (and with the rest of the stack) that a schema cannot express. Runs on a
 * schema-valid section; reports every problem at once.
 */
export function checkDataTier(input: DataTierInput | undefined, context: DataTierContext): ConfigProblem[] {
  const resolved = resolveDataTier(input, context);
  const problems: ConfigProblem[] = [];
  const isProd = context.environment === "prod";
  const isProduction = isProductionEnvironment(context.environment);

  const zoneCount = brokerZoneCount(context.availabilityZoneCount);
  for (const reason of brokerLayoutProblems({ brokerCount: resolved.kafka.brokerCount, zoneCount, defaultReplicationFactor: DEFAULT_REPLICATION_FACTOR, minInSyncReplicas: DEFAULT_MIN_IN_SYNC_REPLICAS })) {
    problems.push({ path: path("kafka", "brokerCount"), message: reason, allowed: `a multiple of ${zoneCount}, at least ${DEFAULT_REPLICATION_FACTOR} (replication factor)` });
  }

  if (isProd) {
    const burstable: [string, string][] = [
      [path("kafka", "instanceType"), resolved.kafka.instanceType],
      [path("postgres", "instanceClass"), resolved.postgres.instanceClass],
      [path("redis", "nodeType"), resolved.redis.nodeType],
    ];
    for (const [at, type] of burstable.filter(([, t]) => BURSTABLE.test(t))) {
      problems.push({ path: at, message: `${type} is a burstable (t-family) type: under sustained prod load it runs out of CPU credits`, allowed: "a general-purpose or memory-optimised type such as m7g or r7g" });
    }
    if (!resolved.postgres.multiAz) problems.push({ path: path("postgres", "multiAz"), message: "prod keeps a synchronous standby in another zone", allowed: "true" });
    if (resolved.redis.replicas < 1) problems.push({ path: path("redis", "replicas"), message: "0 replicas leaves prod without automatic failover", allowed: "1 to 5" });
  }

  const pg = input?.postgres;
  if (isProduction && resolved.postgres.backupRetentionDays < PRODUCTION_BACKUP_DAYS) {
    problems.push({ path: path("postgres", "backupRetentionDays"), message: `${resolved.postgres.backupRetentionDays} days is too short for a ${context.environment} database`, allowed: `${PRODUCTION_BACKUP_DAYS} to 35` });
  }
  if (isProduction && resolved.redis.snapshotRetentionDays < 1) {
    problems.push({ path: path("redis", "snapshotRetentionDays"), message: `0 keeps no snapshot of a ${context.environment} cache`, allowed: "1 to 35" });
  }
  const { allocatedStorageGiB, maxAllocatedStorageGiB } = resolved.postgres;
  const minimumCeiling = minimumStorageCeiling(allocatedStorageGiB);
  if (maxAllocatedStorageGiB < minimumCeiling) {
    problems.push({ path: path("postgres", "maxAllocatedStorageGiB"), message: `${maxAllocatedStorageGiB} GiB is below 110% of allocatedStorageGiB ${allocatedStorageGiB}`, allowed: `≥ ${minimumCeiling} (≥ ${recommendedStorageCeiling(allocatedStorageGiB)} avoids RDS's ceiling alerts)` });
  }

  const restore = pg?.restoreFrom;
  if (restore) {
    const sources = [restore.sourceDbInstanceAutomatedBackupsArn && "sourceDbInstanceAutomatedBackupsArn", restore.snapshotIdentifier && "snapshotIdentifier"].filter(Boolean);
    if (sources.length !== 1) {
      problems.push({ path: path("postgres", "restoreFrom"), message: sources.length === 0 ? "names no backup to restore from" : "names both automated backups and a snapshot", allowed: "exactly one of sourceDbInstanceAutomatedBackupsArn or snapshotIdentifier" });
    }
    if (restore.restoreTime && !restore.sourceDbInstanceAutomatedBackupsArn) {
      problems.push({ path: path("postgres", "restoreFrom", "restoreTime"), message: "a point in time needs automated backups to restore from", allowed: "set sourceDbInstanceAutomatedBackupsArn, or remove restoreTime" });
    }
    const backupsArn = restore.sourceDbInstanceAutomatedBackupsArn;
    if (backupsArn && regionOfArn(backupsArn) !== context.region) {
      problems.push({ path: path("postgres", "restoreFrom", "sourceDbInstanceAutomatedBackupsArn"), message: `names backups in ${regionOfArn(backupsArn)}, but this stack is in ${context.region}`, allowed: `the ARN of the backups replicated to ${context.region}` });
    }
    if (pg?.replicateSourceDb) {
      problems.push({ path: path("postgres", "replicateSourceDb"), message: "a database is either restored from backups or a read replica, not both", allowed: "remove restoreFrom or replicateSourceDb" });
    }
  }
  if (pg?.replicateSourceDb && pg.backupReplication?.enabled) {
    problems.push({ path: path("postgres", "backupReplication", "enabled"), message: "a read replica's backups are not replicated; the source's are", allowed: "false" });
  }
  if (pg?.backupReplication?.enabled && !context.drRegion) {
    problems.push({ path: path("postgres", "backupReplication", "enabled"), message: "backups can only be replicated to the stack's DR region, and icna:dr is not set", allowed: "false, or set icna:dr.region" });
  }

  problems.push(...checkApps(resolved.apps));
  return problems;
}

function checkApps(apps: readonly AppNamespace[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  apps.forEach((app, i) => {
    if (RESERVED_NAMESPACES.includes(app.namespace)) {
      problems.push({ path: path("apps", i, "namespace"), message: `"${app.namespace}" is a system namespace`, allowed: "the workload's own namespace" });
    }
    const earlier = apps.slice(0, i);
    const same = (key: keyof AppNamespace, what: string) => {
      const j = earlier.findIndex((other) => other[key] === app[key]);
      if (j >= 0) problems.push({ path: path("apps", i, key), message: `${what} "${app[key]}" is already used by apps[${j}]`, allowed: `a ${what} of its own` });
    };
    same("namespace", "namespace");
    same("databaseUser", "database user");
    const overlapping = earlier.findIndex((other) => other.kafkaPrefix.startsWith(app.kafkaPrefix) || app.kafkaPrefix.startsWith(other.kafkaPrefix));
    if (overlapping >= 0) {
      problems.push({
        path: path("apps", i, "kafkaPrefix"),
        message: `"${app.kafkaPrefix}" overlaps apps[${overlapping}]'s "${apps[overlapping].kafkaPrefix}", so each could read the other's topics`,
        allowed: "prefixes where neither starts with the other, e.g. ending in a dot",
      });
    }
  });
  return problems;
}
