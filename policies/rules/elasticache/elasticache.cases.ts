import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;
const memcached = { add: { type: TYPES.cacheCluster, name: "memcached", urn: urnOf(TYPES.cacheCluster, "memcached"), protect: false, props: { engine: "memcached", nodeType: "cache.r7g.large", numCacheNodes: 2, subnetGroupName: U, securityGroupIds: [U] } } } as const;
const member = { add: { type: TYPES.cacheCluster, name: "redis-002", urn: urnOf(TYPES.cacheCluster, "redis-002"), protect: false, props: { replicationGroupId: U } } } as const;

export const ELASTICACHE_CASES: RuleCase[] = [
  // elasticache-at-rest-encrypted
  { rule: "elasticache-at-rest-encrypted", title: "encrypted replication group", subject: "redis", expect: "pass" },
  { rule: "elasticache-at-rest-encrypted", title: "Valkey encrypts by default", subject: "redis", changes: [set("redis", { engine: "valkey", atRestEncryptionEnabled: undefined })], expect: "pass" },
  { rule: "elasticache-at-rest-encrypted", title: "Redis left at its default (off)", subject: "redis", changes: [set("redis", { atRestEncryptionEnabled: undefined })], expect: "violation", message: ['ReplicationGroup "redis"', "atRestEncryptionEnabled: true"] },
  { rule: "elasticache-at-rest-encrypted", title: "standalone Memcached cluster", subject: "memcached", changes: [memcached], expect: "violation", message: ["standalone memcached"] },
  { rule: "elasticache-at-rest-encrypted", title: "a replication group member is judged on its group", subject: "redis-002", changes: [member], expect: "not-applicable" },
  { rule: "elasticache-at-rest-encrypted", title: "flag computed", subject: "redis", changes: [set("redis", { atRestEncryptionEnabled: U })], expect: "undecided" },

  // elasticache-in-transit-encrypted
  { rule: "elasticache-in-transit-encrypted", title: "TLS required", subject: "redis", expect: "pass" },
  { rule: "elasticache-in-transit-encrypted", title: "transit encryption off", subject: "redis", changes: [set("redis", { transitEncryptionEnabled: false })], expect: "violation", message: ["plain-text", "transitEncryptionEnabled: true"] },
  { rule: "elasticache-in-transit-encrypted", title: "preferred mode still allows plain text", subject: "redis", changes: [set("redis", { transitEncryptionMode: "preferred" })], expect: "violation", message: ['"preferred"'] },
  { rule: "elasticache-in-transit-encrypted", title: "flag computed", subject: "redis", changes: [set("redis", { transitEncryptionEnabled: U })], expect: "undecided" },

  // elasticache-auth
  { rule: "elasticache-auth", title: "AUTH token from a secret", subject: "redis", expect: "pass" },
  { rule: "elasticache-auth", title: "RBAC user group", subject: "redis", changes: [set("redis", { authToken: undefined, userGroupIds: [U] })], expect: "pass" },
  { rule: "elasticache-auth", title: "no authentication", subject: "redis", changes: [set("redis", { authToken: undefined })], expect: "violation", message: ["authToken", "userGroupIds"] },
  { rule: "elasticache-auth", title: "Memcached has no AUTH", subject: "memcached", changes: [memcached], expect: "not-applicable" },
  { rule: "elasticache-auth", title: "engine computed", subject: "redis", changes: [set("redis", { engine: U, authToken: undefined })], expect: "undecided" },

  // elasticache-automatic-failover
  { rule: "elasticache-automatic-failover", title: "two nodes, failover and Multi-AZ", subject: "redis", expect: "pass" },
  { rule: "elasticache-automatic-failover", title: "one node", subject: "redis", changes: [set("redis", { numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false })], expect: "violation", message: ["no replica", "automaticFailoverEnabled"] },
  { rule: "elasticache-automatic-failover", title: "cluster mode with replicas", subject: "redis", changes: [set("redis", { numCacheClusters: undefined, numNodeGroups: 3, replicasPerNodeGroup: 1 })], expect: "pass" },
  { rule: "elasticache-automatic-failover", title: "standalone node", subject: "memcached", changes: [memcached], expect: "violation", message: ["standalone"] },
  { rule: "elasticache-automatic-failover", title: "Multi-AZ computed", subject: "redis", changes: [set("redis", { multiAzEnabled: U })], expect: "undecided" },

  // elasticache-final-snapshot
  { rule: "elasticache-final-snapshot", title: "final snapshot named", subject: "redis", expect: "pass" },
  { rule: "elasticache-final-snapshot", title: "no finalSnapshotIdentifier", subject: "redis", changes: [set("redis", { finalSnapshotIdentifier: undefined })], expect: "violation", message: ['ReplicationGroup "redis"', "finalSnapshotIdentifier"] },
  { rule: "elasticache-final-snapshot", title: "memcached keeps no snapshots", subject: "redis", changes: [set("redis", { engine: "memcached", finalSnapshotIdentifier: undefined })], expect: "not-applicable" },
  { rule: "elasticache-final-snapshot", title: "engine computed", subject: "redis", changes: [set("redis", { engine: U, finalSnapshotIdentifier: undefined })], expect: "undecided" },

  // elasticache-snapshot-retention
  { rule: "elasticache-snapshot-retention", title: "7 days in prod", subject: "redis", expect: "pass" },
  { rule: "elasticache-snapshot-retention", title: "no snapshots", subject: "redis", changes: [set("redis", { snapshotRetentionLimit: undefined })], expect: "violation", message: ["no automatic snapshots"] },
  { rule: "elasticache-snapshot-retention", title: "one day is enough in dev", subject: "redis", kind: "dev", changes: [set("redis", { snapshotRetentionLimit: 1 })], expect: "pass" },
  { rule: "elasticache-snapshot-retention", title: "limit computed", subject: "redis", changes: [set("redis", { snapshotRetentionLimit: U })], expect: "undecided" },

  // elasticache-encrypted-with-cmk
  { rule: "elasticache-encrypted-with-cmk", title: "customer key", subject: "redis", expect: "pass" },
  { rule: "elasticache-encrypted-with-cmk", title: "AWS-owned key", subject: "redis", changes: [set("redis", { kmsKeyId: undefined })], expect: "violation", message: ["kmsKeyId"] },
  { rule: "elasticache-encrypted-with-cmk", title: "no at-rest encryption at all is another rule's finding", subject: "redis", changes: [set("redis", { atRestEncryptionEnabled: false, kmsKeyId: undefined })], expect: "not-applicable" },
  { rule: "elasticache-encrypted-with-cmk", title: "at-rest flag computed", subject: "redis", changes: [set("redis", { atRestEncryptionEnabled: U })], expect: "undecided" },

  // elasticache-in-custom-vpc
  { rule: "elasticache-in-custom-vpc", title: "subnet group set", subject: "redis", expect: "pass" },
  { rule: "elasticache-in-custom-vpc", title: "no subnet group", subject: "redis", changes: [set("redis", { subnetGroupName: undefined })], expect: "violation", message: ["default VPC"] },
  { rule: "elasticache-in-custom-vpc", title: "subnet group computed counts as set", subject: "redis", changes: [set("redis", { subnetGroupName: U })], expect: "pass" },
];
