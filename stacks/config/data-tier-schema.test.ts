import { shippedSettings, withEdit } from "../../testing/stack-settings";
import { ConfigError, formatProblem } from "./config-error";
import { loadStackConfig } from "./load";

type Stack = "dev" | "prod" | "dr";
type Section = Record<string, Record<string, unknown>>;

/**
 * A shipped stack (network, clusters, DR pairing…) with its icna:data section replaced by an empty one that
 * `edit` fills in: every expectation below starts from the environment's defaults, not from the shipped file.
 */
function withData(stack: Stack, edit: (data: Section) => void, settings = shippedSettings(stack)): Record<string, string> {
  const data: Section = { kafka: {}, postgres: {}, redis: {} };
  edit(data);
  return { ...settings, "icna:data": JSON.stringify(data) };
}

/** Every problem reported for the edited section, as the user reads it. */
function problems(stack: Stack, edit: (data: Section) => void, settings = shippedSettings(stack)): string[] {
  try {
    loadStackConfig(stack, withData(stack, edit, settings));
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map(formatProblem);
    throw error;
  }
}

const resolved = (stack: Stack, edit: (data: Section) => void = () => undefined) => loadStackConfig(stack, withData(stack, edit)).data;

describe("icna:data defaults", () => {
  it("accepts the shipped dev, prod and dr sections", () => {
    for (const stack of ["dev", "prod", "dr"] as const) expect(() => loadStackConfig(stack, shippedSettings(stack))).not.toThrow();
  });

  it("makes prod highly available and replicates its backups to the DR region", () => {
    const data = resolved("prod", (d) => ((d as unknown as { apps: unknown[] }).apps = [{ namespace: "storefront" }, { namespace: "orders-api", serviceAccount: "api", kafkaPrefix: "ord." }]));
    expect(data.kafka).toEqual({ instanceType: "kafka.m7g.xlarge", brokerCount: 3, volumeSizeGiB: 500, kafkaVersion: "3.9.x.kraft", retentionHours: 168, enhancedMonitoring: "PER_TOPIC_PER_BROKER" });
    expect(data.postgres).toMatchObject({ multiAz: true, backupRetentionDays: 14, engineVersion: "17", backupReplication: { region: "us-west-2", retentionDays: 14 }, dataSource: { kind: "empty" } });
    expect(data.redis).toMatchObject({ nodeType: "cache.r7g.large", replicas: 2, snapshotRetentionDays: 7 });
    expect(data.postgres.instanceClass).toBe("db.r7g.large");
    expect(data.apps).toEqual([
      { namespace: "storefront", serviceAccount: "storefront", databaseUser: "storefront", kafkaPrefix: "storefront." },
      { namespace: "orders-api", serviceAccount: "api", databaseUser: "orders_api", kafkaPrefix: "ord." },
    ]);
  });

  it("keeps dev small: single-AZ database, one cache node, the fewest brokers its two zones allow", () => {
    const data = loadStackConfig("dev", (({ "icna:data": _, ...rest }) => rest)(shippedSettings("dev"))).data;
    expect(data.kafka).toMatchObject({ brokerCount: 4, instanceType: "kafka.m7g.large", volumeSizeGiB: 20, retentionHours: 24, enhancedMonitoring: "DEFAULT" });
    expect(data.postgres).toMatchObject({ instanceClass: "db.t4g.medium", multiAz: false, backupRetentionDays: 7 });
    expect(data.postgres.backupReplication).toBeUndefined();
    expect(data.redis).toMatchObject({ nodeType: "cache.t4g.small", replicas: 0 });
    expect(data.apps).toEqual([]);
  });

  it("sizes dr as a pilot light whose database can start from the primary's replicated backups", () => {
    const arn = "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-abcdefghijklmnopqrstuvwxyz0123456789abcd";
    const data = resolved("dr", (d) => (d.postgres.restoreFrom = { sourceDbInstanceAutomatedBackupsArn: arn }));
    expect(data.kafka).toMatchObject({ instanceType: "kafka.m7g.large", brokerCount: 3 });
    expect(data.redis).toMatchObject({ nodeType: "cache.t4g.small", replicas: 0, snapshotRetentionDays: 7 });
    expect(data.postgres).toMatchObject({ instanceClass: "db.t4g.medium", multiAz: false, backupRetentionDays: 14, dataSource: { kind: "automatedBackups", sourceDbInstanceAutomatedBackupsArn: arn } });
    expect(resolved("dr", (d) => (d.postgres.replicateSourceDb = "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres")).postgres.dataSource).toEqual({ kind: "readReplica", sourceDbInstanceArn: "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres" });
    expect(resolved("dr", (d) => (d.postgres.restoreFrom = { snapshotIdentifier: "icna-prod-postgres-final" })).postgres.dataSource).toEqual({ kind: "snapshot", snapshotIdentifier: "icna-prod-postgres-final" });
  });

  it("accepts versions written as YAML numbers", () => {
    const data = resolved("prod", (d) => {
      d.postgres.engineVersion = 16;
      d.redis.engineVersion = 7.1;
    });
    expect([data.postgres.engineVersion, data.redis.engineVersion]).toEqual(["16", "7.1"]);
  });
});

describe("icna:data errors name the key, the bad value and the fix", () => {
  it.each<[string, Stack, (d: Section) => void, string]>([
    ["a broker type without its kafka. prefix", "prod", (d) => (d.kafka.instanceType = "m7g.large"), 'icna:data.kafka.instanceType: "m7g.large" is not an MSK broker type such as kafka.m7g.large'],
    ["an RDS class without db.", "prod", (d) => (d.postgres.instanceClass = "r7g.large"), 'icna:data.postgres.instanceClass: "r7g.large" is not an RDS instance class such as db.r7g.large'],
    ["a cache node type without a size", "prod", (d) => (d.redis.nodeType = "cache.r7g"), 'icna:data.redis.nodeType: "cache.r7g" is not an ElastiCache node type such as cache.r7g.large'],
    ["brokers that do not spread over three zones", "prod", (d) => (d.kafka.brokerCount = 4), "icna:data.kafka.brokerCount: 4 brokers cannot be spread evenly over 3 availability zones: use a multiple of 3 (6) (allowed: a multiple of 3, at least 3 (replication factor))"],
    ["too few brokers for three replicas", "dev", (d) => (d.kafka.brokerCount = 2), "icna:data.kafka.brokerCount: 2 brokers cannot hold 3 replicas of each partition: use at least 3 brokers (allowed: a multiple of 2, at least 3 (replication factor))"],
    ["a Kafka version MSK does not offer", "prod", (d) => (d.kafka.kafkaVersion = "2.8.1"), 'icna:data.kafka.kafkaVersion: "2.8.1" is not accepted (allowed: 3.7.x, 3.7.x.kraft, 3.8.x, 3.8.x.kraft, 3.9.x, 3.9.x.kraft, 4.0.x.kraft, 4.1.x.kraft)'],
    ["an empty broker volume", "prod", (d) => (d.kafka.volumeSizeGiB = 0), "icna:data.kafka.volumeSizeGiB: 0 is too small (allowed: ≥ 1)"],
    ["a PostgreSQL major out of standard support", "prod", (d) => (d.postgres.engineVersion = "13"), 'icna:data.postgres.engineVersion: "13" is not a supported PostgreSQL version (majors 14, 15, 16, 17, e.g. "17" or "16.4")'],
    ["a storage ceiling RDS refuses", "prod", (d) => (d.postgres.maxAllocatedStorageGiB = 105), "icna:data.postgres.maxAllocatedStorageGiB: 105 GiB is below 110% of allocatedStorageGiB 100 (allowed: ≥ 110 (≥ 126 avoids RDS's ceiling alerts))"],
    ["a single-AZ prod database", "prod", (d) => (d.postgres.multiAz = false), "icna:data.postgres.multiAz: prod keeps a synchronous standby in another zone (allowed: true)"],
    ["a week of backups in prod", "prod", (d) => (d.postgres.backupRetentionDays = 7), "icna:data.postgres.backupRetentionDays: 7 days is too short for a prod database (allowed: 14 to 35)"],
    ["a week of backups in dr", "dr", (d) => (d.postgres.backupRetentionDays = 7), "icna:data.postgres.backupRetentionDays: 7 days is too short for a dr database (allowed: 14 to 35)"],
    ["a prod cache without a replica", "prod", (d) => (d.redis.replicas = 0), "icna:data.redis.replicas: 0 replicas leaves prod without automatic failover (allowed: 1 to 5)"],
    ["a prod cache without snapshots", "prod", (d) => (d.redis.snapshotRetentionDays = 0), "icna:data.redis.snapshotRetentionDays: 0 keeps no snapshot of a prod cache (allowed: 1 to 35)"],
    ["a burstable prod database", "prod", (d) => (d.postgres.instanceClass = "db.t4g.large"), "icna:data.postgres.instanceClass: db.t4g.large is a burstable (t-family) type: under sustained prod load it runs out of CPU credits (allowed: a general-purpose or memory-optimised type such as m7g or r7g)"],
    ["a Performance Insights retention that is not a month multiple", "prod", (d) => (d.postgres.performanceInsightsRetentionDays = 30), "icna:data.postgres.performanceInsightsRetentionDays: 30 is not a Performance Insights retention (7, or a multiple of 31 up to 731) (allowed: 7, 31, 62, 93, 124, 155, 186, 217, 248, 279, 310, 341, 372, 403, 434, 465, 496, 527, 558, 589, 620, 651, 682, 713, 731)"],
    ["an enhanced monitoring interval RDS lacks", "prod", (d) => (d.postgres.monitoringIntervalSeconds = 2), "icna:data.postgres.monitoringIntervalSeconds: 2 is not an enhanced monitoring interval (allowed: 1, 5, 10, 15, 30, 60)"],
    ["a restore without a source", "dr", (d) => (d.postgres.restoreFrom = {}), "icna:data.postgres.restoreFrom: names no backup to restore from (allowed: exactly one of sourceDbInstanceAutomatedBackupsArn or snapshotIdentifier)"],
    ["a point in time without automated backups", "dr", (d) => (d.postgres.restoreFrom = { snapshotIdentifier: "s1", restoreTime: "2026-11-28T23:00:00Z" }), "icna:data.postgres.restoreFrom.restoreTime: a point in time needs automated backups to restore from (allowed: set sourceDbInstanceAutomatedBackupsArn, or remove restoreTime)"],
    ["backups in another region", "dr", (d) => (d.postgres.restoreFrom = { sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:us-east-1:111122223333:auto-backup:ab-1" }), "icna:data.postgres.restoreFrom.sourceDbInstanceAutomatedBackupsArn: names backups in us-east-1, but this stack is in us-west-2 (allowed: the ARN of the backups replicated to us-west-2)"],
    ["a malformed backups ARN", "dr", (d) => (d.postgres.restoreFrom = { sourceDbInstanceAutomatedBackupsArn: "ab-1" }), 'icna:data.postgres.restoreFrom.sourceDbInstanceAutomatedBackupsArn: "ab-1" is not an RDS automated-backups ARN (arn:aws:rds:<region>:<account>:auto-backup:ab-…)'],
    ["a restore time without a zone", "dr", (d) => (d.postgres.restoreFrom = { sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-1", restoreTime: "2026-11-28 23:00" }), 'icna:data.postgres.restoreFrom.restoreTime: "2026-11-28 23:00" is not a UTC timestamp such as 2026-11-28T23:00:00Z'],
    ["backup replication without a DR region", "dev", (d) => (d.postgres.backupReplication = { enabled: true }), "icna:data.postgres.backupReplication.enabled: backups can only be replicated to the stack's DR region, and icna:dr is not set (allowed: false, or set icna:dr.region)"],
    ["an unknown setting", "prod", (d) => (d.kafka.brokers = 3), 'icna:data.kafka.brokers: unknown setting "brokers" (allowed: instanceType, brokerCount, volumeSizeGiB, kafkaVersion, retentionHours, enhancedMonitoring)'],
    ["a system namespace", "prod", (d) => ((d as unknown as { apps: unknown[] }).apps = [{ namespace: "kube-system" }]), 'icna:data.apps[0].namespace: "kube-system" is a system namespace (allowed: the workload\'s own namespace)'],
    ["an upper-case namespace", "prod", (d) => ((d as unknown as { apps: unknown[] }).apps = [{ namespace: "Orders" }]), 'icna:data.apps[0].namespace: "Orders" is not a Kubernetes namespace name (lower-case letters, digits, -; at most 63)'],
  ])("%s", (_, stack, edit, expected) => {
    expect(problems(stack, edit)).toEqual([expected]);
  });

  it("refuses a database that is both restored and a replica, and replicating a replica's backups", () => {
    expect(
      problems("prod", (d) => {
        d.postgres.restoreFrom = { snapshotIdentifier: "icna-prod-postgres-final" };
        d.postgres.replicateSourceDb = "arn:aws:rds:us-west-2:111122223333:db:icna-dr-postgres";
        d.postgres.backupReplication = { enabled: true };
      }),
    ).toEqual([
      "icna:data.postgres.replicateSourceDb: a database is either restored from backups or a read replica, not both (allowed: remove restoreFrom or replicateSourceDb)",
      "icna:data.postgres.backupReplication.enabled: a read replica's backups are not replicated; the source's are (allowed: false)",
    ]);
  });

  it("keeps workloads apart: no shared namespace, database user or overlapping topic prefix", () => {
    const apps = [
      { namespace: "orders", kafkaPrefix: "orders" },
      { namespace: "orders" },
      { namespace: "orders-archive", databaseUser: "orders", kafkaPrefix: "orders-archive." },
    ];
    expect(problems("prod", (d) => ((d as unknown as { apps: unknown[] }).apps = apps))).toEqual([
      'icna:data.apps[1].namespace: namespace "orders" is already used by apps[0] (allowed: a namespace of its own)',
      'icna:data.apps[1].databaseUser: database user "orders" is already used by apps[0] (allowed: a database user of its own)',
      `icna:data.apps[1].kafkaPrefix: "orders." overlaps apps[0]'s "orders", so each could read the other's topics (allowed: prefixes where neither starts with the other, e.g. ending in a dot)`,
      'icna:data.apps[2].databaseUser: database user "orders" is already used by apps[0] (allowed: a database user of its own)',
      `icna:data.apps[2].kafkaPrefix: "orders-archive." overlaps apps[0]'s "orders", so each could read the other's topics (allowed: prefixes where neither starts with the other, e.g. ending in a dot)`,
    ]);
  });

  it("reports every problem of the section at once, with the rest of the stack's", () => {
    const broken = withEdit(shippedSettings("prod"), "icna:network", (n) => (n.cidr = "10.40.0.0/33"));
    const found = problems(
      "prod",
      (d) => {
        d.postgres.multiAz = false;
        d.redis.replicas = 0;
        d.kafka.brokerCount = 5;
      },
      broken,
    );
    expect(found).toEqual([
      'icna:network.cidr: "10.40.0.0/33" has a prefix length above 32',
      expect.stringMatching(/^icna:data\.kafka\.brokerCount: 5 brokers cannot be spread evenly/),
      "icna:data.postgres.multiAz: prod keeps a synchronous standby in another zone (allowed: true)",
      "icna:data.redis.replicas: 0 replicas leaves prod without automatic failover (allowed: 1 to 5)",
    ]);
  });

  it("lets a dr pilot light use burstable instances and no cache replica", () => {
    expect(problems("dr", (d) => ((d.postgres.instanceClass = "db.t4g.small"), (d.redis.replicas = 0)))).toEqual([]);
  });
});
