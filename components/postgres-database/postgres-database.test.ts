import { OfflinePlan, PlanResource } from "../../review/plan/model";
import { childOfType, ingressRulesOf, planComponents } from "../../testing/component-plan";
import { jsonInput, named, ofType } from "../../testing/plan-queries";
import { PostgresDatabase, PostgresDatabaseArgs } from "./postgres-database";

const INSTANCE = "aws:rds/instance:Instance";
const args = (overrides: Partial<PostgresDatabaseArgs> = {}): PostgresDatabaseArgs => ({
  namePrefix: "icna-prod",
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"],
  clients: [
    { name: "blue", securityGroupId: "sg-0b1e0000000000001" },
    { name: "green", securityGroupId: "sg-0a2e0000000000002" },
  ],
  instanceClass: "db.r7g.large",
  engineVersion: "17",
  allocatedStorageGiB: 100,
  maxAllocatedStorageGiB: 1000,
  multiAz: true,
  backupRetentionDays: 14,
  databaseName: "icna",
  slowStatementMs: 1000,
  performanceInsightsRetentionDays: 7,
  monitoringIntervalSeconds: 15,
  dataSource: { kind: "empty" },
  isProduction: true,
  tags: { owner: "platform-team" },
  ...overrides,
});

let prod: OfflinePlan;
let instance: PlanResource;
beforeAll(async () => {
  prod = await planComponents("prod", () => new PostgresDatabase("db", args({ backupReplication: { region: "us-west-2", retentionDays: 14 } })));
  instance = named(prod, INSTANCE, "db-instance");
});

describe("PostgresDatabase in production", () => {
  it("is PostgreSQL on gp3 with storage autoscaling, Multi-AZ, never publicly accessible", () => {
    expect(instance.inputs).toMatchObject({
      identifier: "icna-prod-postgres",
      engine: "postgres",
      engineVersion: "17",
      instanceClass: "db.r7g.large",
      storageType: "gp3",
      allocatedStorage: 100,
      maxAllocatedStorage: 1000,
      multiAz: true,
      publiclyAccessible: false,
      port: 5432,
    });
  });

  it("sits in the isolated subnets through its own subnet group", () => {
    const subnets = named(prod, "aws:rds/subnetGroup:SubnetGroup", "db-subnets");
    expect(subnets.inputs.subnetIds).toEqual(["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"]);
    expect(instance.dependencies).toContain(subnets.urn);
  });

  it("encrypts storage, Performance Insights and the master secret with its customer-managed key", () => {
    const key = named(prod, "aws:kms/key:Key", "db-key");
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(instance.inputs).toMatchObject({ storageEncrypted: true, performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 7 });
    expect(instance.dependencies).toContain(key.urn);
    for (const input of ["kmsKeyId", "performanceInsightsKmsKeyId", "masterUserSecretKmsKeyId"]) expect(instance.inputs[input]).toBeDefined();
  });

  it("lets RDS own the master password in Secrets Manager: no password input exists", () => {
    expect(instance.inputs).toMatchObject({ manageMasterUserPassword: true, username: "icna_admin", dbName: "icna", iamDatabaseAuthenticationEnabled: true });
    expect(instance.inputs.password).toBeUndefined();
    expect(instance.inputs.passwordWo).toBeUndefined();
  });

  it("forces TLS and logs slow statements through a parameter group of the engine's family", () => {
    const params = named(prod, "aws:rds/parameterGroup:ParameterGroup", "db-params-postgres17");
    expect(params.inputs.family).toBe("postgres17");
    expect(params.inputs.name).toBe("icna-prod-postgres-postgres17");
    const values = Object.fromEntries((params.inputs.parameters as { name: string; value: string }[]).map((p) => [p.name, p.value]));
    expect(values).toMatchObject({ "rds.force_ssl": "1", ssl_min_protocol_version: "TLSv1.2", log_min_duration_statement: "1000" });
    expect(instance.dependencies).toContain(params.urn);
  });

  it("keeps 14 days of backups, deletion protection, a final snapshot, and is protected", () => {
    expect(instance.inputs).toMatchObject({ backupRetentionPeriod: 14, deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "icna-prod-postgres-final", deleteAutomatedBackups: false, copyTagsToSnapshot: true });
    expect(instance.protect).toBe(true);
  });

  it("never replaces the database when its restore source is edited later", () => {
    expect(instance.ignoreChanges).toEqual(expect.arrayContaining(["snapshotIdentifier", "restoreToPointInTime", "replicateSourceDb"]));
  });

  it("has enhanced monitoring through a role RDS assumes, and exports logs into groups with a retention", () => {
    const role = named(prod, "aws:iam/role:Role", "db-monitoring");
    expect(jsonInput(role.inputs.assumeRolePolicy)).toEqual({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    expect(named(prod, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "db-monitoring").inputs.policyArn).toBe("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
    expect(instance.inputs.monitoringInterval).toBe(15);
    expect(instance.dependencies).toContain(role.urn);
    expect(instance.inputs.enabledCloudwatchLogsExports).toEqual(["postgresql", "upgrade"]);
    const log = named(prod, "aws:cloudwatch/logGroup:LogGroup", "db-log-postgresql");
    expect(log.inputs).toMatchObject({ name: "/aws/rds/instance/icna-prod-postgres/postgresql", retentionInDays: 90 });
    expect(instance.dependencies).toContain(log.urn);
  });

  it("admits only the clusters on 5432", () => {
    const group = childOfType(prod, named(prod, "icna:components:PostgresDatabase", "db"), "aws:ec2/securityGroup:SecurityGroup");
    expect(group.inputs.egress).toEqual([]);
    const rules = ingressRulesOf(prod, group).map((r) => ({ from: r.inputs.referencedSecurityGroupId, ports: [r.inputs.fromPort, r.inputs.toPort], cidr: r.inputs.cidrIpv4 ?? null }));
    expect(rules).toEqual([
      { from: "sg-0b1e0000000000001", ports: [5432, 5432], cidr: null },
      { from: "sg-0a2e0000000000002", ports: [5432, 5432], cidr: null },
    ]);
    expect(instance.inputs.vpcSecurityGroupIds).toHaveLength(1);
  });

  it("replicates automated backups to the DR region through an explicit provider and a key there", () => {
    const provider = named(prod, "pulumi:providers:aws", "db-backup-region");
    expect(provider.inputs.region).toBe("us-west-2");
    const replication = named(prod, "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "db-backup-replication");
    expect(replication.inputs.retentionPeriod).toBe(14);
    expect(replication.provider?.startsWith(`${provider.urn}::`)).toBe(true);
    expect(replication.dependencies).toContain(instance.urn);
    const drKey = named(prod, "aws:kms/key:Key", "db-backup-key");
    expect(drKey.provider?.startsWith(`${provider.urn}::`)).toBe(true);
    expect(drKey.protect).toBe(true);
    expect(replication.dependencies).toContain(drKey.urn);
  });
});

describe("PostgresDatabase in dev", () => {
  let dev: OfflinePlan;
  beforeAll(async () => {
    dev = await planComponents("dev", () => new PostgresDatabase("db", args({ namePrefix: "icna-dev", isProduction: false, multiAz: false, backupRetentionDays: 7 })));
  });

  it("is single-AZ, deletable without a final snapshot, unprotected, and replicates nothing", () => {
    const devInstance = named(dev, INSTANCE, "db-instance");
    expect(devInstance.inputs).toMatchObject({ multiAz: false, backupRetentionPeriod: 7, deletionProtection: false, skipFinalSnapshot: true, deleteAutomatedBackups: true });
    expect(devInstance.inputs.finalSnapshotIdentifier).toBeUndefined();
    expect(devInstance.protect).toBe(false);
    expect(ofType(dev, "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication")).toEqual([]);
    expect(ofType(dev, "pulumi:providers:aws")).toEqual([]);
  });
});

describe("PostgresDatabase data sources (DR recreation)", () => {
  it("restores from replicated automated backups at the latest restorable time, keeping RDS-managed credentials", async () => {
    const arn = "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-abcdefghijklmnopqrstuvwxyz0123456789abcd";
    const plan = await planComponents("dr", () => new PostgresDatabase("db", args({ namePrefix: "icna-dr", multiAz: false, dataSource: { kind: "automatedBackups", sourceDbInstanceAutomatedBackupsArn: arn } })));
    const restored = named(plan, INSTANCE, "db-instance");
    expect(restored.inputs.restoreToPointInTime).toEqual({ sourceDbInstanceAutomatedBackupsArn: arn, useLatestRestorableTime: true });
    expect(restored.inputs).toMatchObject({ manageMasterUserPassword: true, engine: "postgres", publiclyAccessible: false, storageEncrypted: true });
    expect(restored.inputs.dbName).toBeUndefined();
    expect(restored.inputs.username).toBeUndefined();
  });

  it("restores a chosen point in time", async () => {
    const plan = await planComponents("dr", () =>
      new PostgresDatabase("db", args({ namePrefix: "icna-dr", dataSource: { kind: "automatedBackups", sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-x1", restoreTime: "2026-11-28T23:00:00Z" } })),
    );
    expect(named(plan, INSTANCE, "db-instance").inputs.restoreToPointInTime).toEqual({ sourceDbInstanceAutomatedBackupsArn: "arn:aws:rds:us-west-2:111122223333:auto-backup:ab-x1", restoreTime: "2026-11-28T23:00:00Z" });
  });

  it("restores from a snapshot", async () => {
    const plan = await planComponents("dr", () => new PostgresDatabase("db", args({ namePrefix: "icna-dr", dataSource: { kind: "snapshot", snapshotIdentifier: "icna-prod-postgres-final" } })));
    expect(named(plan, INSTANCE, "db-instance").inputs.snapshotIdentifier).toBe("icna-prod-postgres-final");
  });

  it("follows the primary as a cross-region read replica, with the source's engine and credentials", async () => {
    const source = "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres";
    const plan = await planComponents("dr", () => new PostgresDatabase("db", args({ namePrefix: "icna-dr", multiAz: false, dataSource: { kind: "readReplica", sourceDbInstanceArn: source } })));
    const replica = named(plan, INSTANCE, "db-instance");
    expect(replica.inputs.replicateSourceDb).toBe(source);
    for (const inherited of ["engine", "engineVersion", "username", "dbName", "manageMasterUserPassword"]) expect(replica.inputs[inherited]).toBeUndefined();
    expect(replica.inputs).toMatchObject({ storageEncrypted: true, publiclyAccessible: false, iamDatabaseAuthenticationEnabled: true, deletionProtection: true, skipFinalSnapshot: true });
    expect(replica.inputs.finalSnapshotIdentifier).toBeUndefined();
    expect(replica.protect).toBe(true);
  });
});

describe("PostgresDatabase arguments", () => {
  it("refuses a storage ceiling below 110% of the allocation and an unknown major, naming both", () => {
    expect(() => new PostgresDatabase("bad", args({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 105, engineVersion: "12" }))).toThrow(
      "PostgresDatabase bad: PostgreSQL 12 is not offered (majors: 14, 15, 16, 17); maxAllocatedStorageGiB 105 must be at least 110% of allocatedStorageGiB 100 (110)",
    );
  });

  it("refuses a single subnet", () => {
    expect(() => new PostgresDatabase("bad", args({ subnetIds: ["subnet-iso-a"] }))).toThrow("a DB subnet group needs subnets in at least two availability zones, got 1");
  });
});
