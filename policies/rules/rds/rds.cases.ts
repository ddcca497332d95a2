import { SECRET, UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;
const aurora = { add: { type: TYPES.rdsCluster, name: "aurora", urn: urnOf(TYPES.rdsCluster, "aurora"), protect: true, props: { engine: "aurora-postgresql", engineVersion: "16.4", storageEncrypted: true, vpcSecurityGroupIds: [U], dbSubnetGroupName: U } } } as const;

export const RDS_CASES: RuleCase[] = [
  // rds-storage-encrypted
  { rule: "rds-storage-encrypted", title: "encrypted instance", subject: "postgres", expect: "pass" },
  { rule: "rds-storage-encrypted", title: "storageEncrypted unset (defaults to off)", subject: "postgres", changes: [set("postgres", { storageEncrypted: undefined })], expect: "violation", message: ['Instance "postgres"', "storageEncrypted: true"] },
  { rule: "rds-storage-encrypted", title: "unencrypted Aurora cluster", subject: "aurora", changes: [aurora, set("aurora", { storageEncrypted: false })], expect: "violation", message: ['Cluster "aurora"'] },
  { rule: "rds-storage-encrypted", title: "read replica inherits its source's encryption", subject: "postgres", changes: [set("postgres", { storageEncrypted: undefined, replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:icna-prod" })], expect: "not-applicable" },
  { rule: "rds-storage-encrypted", title: "encryption flag computed", subject: "postgres", changes: [set("postgres", { storageEncrypted: U })], expect: "undecided" },

  // rds-not-public
  { rule: "rds-not-public", title: "private instance", subject: "postgres", expect: "pass" },
  { rule: "rds-not-public", title: "publicly accessible instance", subject: "postgres", changes: [set("postgres", { publiclyAccessible: true })], expect: "violation", message: ['Instance "postgres"', "publiclyAccessible: false"] },
  { rule: "rds-not-public", title: "accessibility computed", subject: "postgres", changes: [set("postgres", { publiclyAccessible: U })], expect: "undecided" },

  // rds-multi-az
  { rule: "rds-multi-az", title: "Multi-AZ instance", subject: "postgres", expect: "pass" },
  { rule: "rds-multi-az", title: "single-AZ instance", subject: "postgres", changes: [set("postgres", { multiAz: false })], expect: "violation", message: ["multiAz: true"] },
  { rule: "rds-multi-az", title: "Aurora spreads instances, not a flag", subject: "aurora", changes: [aurora], expect: "not-applicable" },
  { rule: "rds-multi-az", title: "Multi-AZ flag computed", subject: "postgres", changes: [set("postgres", { multiAz: U })], expect: "undecided" },

  // rds-backup-retention
  { rule: "rds-backup-retention", title: "14 days in prod", subject: "postgres", expect: "pass" },
  { rule: "rds-backup-retention", title: "3 days in prod", subject: "postgres", changes: [set("postgres", { backupRetentionPeriod: 3 })], expect: "violation", message: ["3 days", "at least 7"] },
  { rule: "rds-backup-retention", title: "the 1-day default passes in dev", subject: "postgres", kind: "dev", changes: [set("postgres", { backupRetentionPeriod: undefined })], expect: "pass" },
  { rule: "rds-backup-retention", title: "backups off in dev", subject: "postgres", kind: "dev", changes: [set("postgres", { backupRetentionPeriod: 0 })], expect: "violation", message: ["turned off"] },
  { rule: "rds-backup-retention", title: "retention computed", subject: "postgres", changes: [set("postgres", { backupRetentionPeriod: U })], expect: "undecided" },

  // rds-deletion-protection
  { rule: "rds-deletion-protection", title: "protected instance", subject: "postgres", expect: "pass" },
  { rule: "rds-deletion-protection", title: "unprotected instance", subject: "postgres", changes: [set("postgres", { deletionProtection: false })], expect: "violation", message: ["deletionProtection: true"] },
  { rule: "rds-deletion-protection", title: "flag computed", subject: "postgres", changes: [set("postgres", { deletionProtection: U })], expect: "undecided" },

  // rds-final-snapshot
  { rule: "rds-final-snapshot", title: "final snapshot named, not skipped", subject: "postgres", expect: "pass" },
  { rule: "rds-final-snapshot", title: "identifier computed from another resource (set at deploy)", subject: "postgres", changes: [set("postgres", { finalSnapshotIdentifier: U })], expect: "pass" },
  { rule: "rds-final-snapshot", title: "skipFinalSnapshot true", subject: "postgres", changes: [set("postgres", { skipFinalSnapshot: true })], expect: "violation", message: ['Instance "postgres"', "skipFinalSnapshot is true"] },
  { rule: "rds-final-snapshot", title: "no finalSnapshotIdentifier", subject: "postgres", changes: [set("postgres", { finalSnapshotIdentifier: undefined })], expect: "violation", message: ["finalSnapshotIdentifier is not set", "fails half-way"] },
  { rule: "rds-final-snapshot", title: "Aurora cluster skipping its final snapshot", subject: "aurora", changes: [aurora, set("aurora", { skipFinalSnapshot: true, finalSnapshotIdentifier: "aurora-final" })], expect: "violation", message: ['Cluster "aurora"'] },
  { rule: "rds-final-snapshot", title: "Aurora cluster with a final snapshot", subject: "aurora", changes: [aurora, set("aurora", { skipFinalSnapshot: false, finalSnapshotIdentifier: "aurora-final" })], expect: "pass" },
  { rule: "rds-final-snapshot", title: "read replica (no snapshots of its own)", subject: "postgres", changes: [set("postgres", { finalSnapshotIdentifier: undefined, replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:icna-prod" })], expect: "not-applicable" },
  { rule: "rds-final-snapshot", title: "skipFinalSnapshot computed", subject: "postgres", changes: [set("postgres", { skipFinalSnapshot: U })], expect: "undecided" },

  // rds-iam-authentication
  { rule: "rds-iam-authentication", title: "IAM auth on", subject: "postgres", expect: "pass" },
  { rule: "rds-iam-authentication", title: "passwords only", subject: "postgres", changes: [set("postgres", { iamDatabaseAuthenticationEnabled: undefined })], expect: "violation", message: ["iamDatabaseAuthenticationEnabled: true"] },
  { rule: "rds-iam-authentication", title: "flag computed", subject: "postgres", changes: [set("postgres", { iamDatabaseAuthenticationEnabled: U })], expect: "undecided" },

  // rds-tls-enforced
  { rule: "rds-tls-enforced", title: "parameter group forcing TLS", expect: "pass" },
  { rule: "rds-tls-enforced", title: "PostgreSQL 16 on the default group (force_ssl defaults to 1 from 15)", changes: [set("postgres", { parameterGroupName: undefined })], expect: "pass" },
  { rule: "rds-tls-enforced", title: "PostgreSQL 14 on the default group", changes: [set("postgres", { parameterGroupName: undefined, engineVersion: "14.12" })], expect: "violation", message: ["postgres 14", "rds.force_ssl"] },
  { rule: "rds-tls-enforced", title: "custom group turning force_ssl off", changes: [set("postgres-params", { parameters: [{ name: "rds.force_ssl", value: "0" }] })], expect: "violation", message: ['"postgres-params"', "rds.force_ssl = 0"] },
  { rule: "rds-tls-enforced", title: "MySQL group without require_secure_transport", changes: [set("postgres", { engine: "mysql", engineVersion: "8.0.39" }), set("postgres-params", { family: "mysql8.0", parameters: [] })], expect: "violation", message: ["require_secure_transport"] },
  { rule: "rds-tls-enforced", title: "group named but not part of the stack and not yet known", changes: [set("postgres", { parameterGroupName: U }), { set: "postgres", options: { dependencies: [] } }], expect: "undecided" },

  // rds-log-exports
  { rule: "rds-log-exports", title: "postgresql log exported", subject: "postgres", expect: "pass" },
  { rule: "rds-log-exports", title: "no exports", subject: "postgres", changes: [set("postgres", { enabledCloudwatchLogsExports: undefined })], expect: "violation", message: ["postgresql", "enabledCloudwatchLogsExports"] },
  { rule: "rds-log-exports", title: "exports computed", subject: "postgres", changes: [set("postgres", { enabledCloudwatchLogsExports: U })], expect: "undecided" },

  // rds-enhanced-monitoring
  { rule: "rds-enhanced-monitoring", title: "60-second monitoring", subject: "postgres", expect: "pass" },
  { rule: "rds-enhanced-monitoring", title: "monitoring off", subject: "postgres", changes: [set("postgres", { monitoringInterval: 0 })], expect: "violation", message: ["monitoringInterval"] },
  { rule: "rds-enhanced-monitoring", title: "interval computed", subject: "postgres", changes: [set("postgres", { monitoringInterval: U })], expect: "undecided" },

  // rds-performance-insights-encrypted
  { rule: "rds-performance-insights-encrypted", title: "PI with a customer key", subject: "postgres", expect: "pass" },
  { rule: "rds-performance-insights-encrypted", title: "PI on the AWS-managed key", subject: "postgres", changes: [set("postgres", { performanceInsightsKmsKeyId: undefined })], expect: "violation", message: ["performanceInsightsKmsKeyId"] },
  { rule: "rds-performance-insights-encrypted", title: "PI off", subject: "postgres", changes: [set("postgres", { performanceInsightsEnabled: false })], expect: "violation", message: ["Performance Insights off"] },
  { rule: "rds-performance-insights-encrypted", title: "PI flag computed", subject: "postgres", changes: [set("postgres", { performanceInsightsEnabled: U })], expect: "undecided" },

  // rds-auto-minor-upgrade
  { rule: "rds-auto-minor-upgrade", title: "minor upgrades on", subject: "postgres", expect: "pass" },
  { rule: "rds-auto-minor-upgrade", title: "minor upgrades off", subject: "postgres", changes: [set("postgres", { autoMinorVersionUpgrade: false })], expect: "violation", message: ["autoMinorVersionUpgrade: true"] },
  { rule: "rds-auto-minor-upgrade", title: "flag computed", subject: "postgres", changes: [set("postgres", { autoMinorVersionUpgrade: U })], expect: "undecided" },

  // rds-non-default-identity
  { rule: "rds-non-default-identity", title: "custom user and port", subject: "postgres", expect: "pass" },
  { rule: "rds-non-default-identity", title: "the postgres user on 5432", subject: "postgres", changes: [set("postgres", { username: "postgres", port: undefined })], expect: "violation", message: ['"postgres"', "5432"] },
  { rule: "rds-non-default-identity", title: "username computed", subject: "postgres", changes: [set("postgres", { username: U })], expect: "undecided" },

  // rds-master-password-managed
  { rule: "rds-master-password-managed", title: "Secrets Manager manages the password", subject: "postgres", expect: "pass" },
  { rule: "rds-master-password-managed", title: "password passed as a secret", subject: "postgres", changes: [set("postgres", { manageMasterUserPassword: undefined, password: SECRET })], expect: "pass" },
  { rule: "rds-master-password-managed", title: "plain-text password", subject: "postgres", changes: [set("postgres", { manageMasterUserPassword: undefined, password: "hunter2hunter2" })], expect: "violation", message: ["plain text", "manageMasterUserPassword"] },
  { rule: "rds-master-password-managed", title: "managed flag computed", subject: "postgres", changes: [set("postgres", { manageMasterUserPassword: U, password: "hunter2hunter2" })], expect: "undecided" },

  // rds-in-custom-vpc
  { rule: "rds-in-custom-vpc", title: "subnet group set", subject: "postgres", expect: "pass" },
  { rule: "rds-in-custom-vpc", title: "no subnet group", subject: "postgres", changes: [set("postgres", { dbSubnetGroupName: undefined })], expect: "violation", message: ["default VPC", "dbSubnetGroupName"] },
  { rule: "rds-in-custom-vpc", title: "replica source computed", subject: "postgres", changes: [set("postgres", { dbSubnetGroupName: undefined, replicateSourceDb: U })], expect: "not-applicable" },
  { rule: "rds-in-custom-vpc", title: "subnet group name computed counts as set", subject: "postgres", changes: [set("postgres", { dbSubnetGroupName: U })], expect: "pass" },
];
