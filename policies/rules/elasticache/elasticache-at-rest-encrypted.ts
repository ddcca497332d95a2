import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CACHE_TYPES, cacheEngine, isReplicationGroupMember } from "../../support/elasticache";
import { TYPES } from "../../knowledge/type-tokens";
import { bool } from "../../values";

export const elasticacheAtRestEncrypted: ResourceRule = {
  scope: "resource",
  name: "elasticache-at-rest-encrypted",
  area: "elasticache",
  description: "ElastiCache data, backups and swap are encrypted at rest (Redis defaults to off; Valkey to on).",
  severity: "high",
  checkov: ["CKV_AWS_29"],
  enforcement: LEVELS.everywhere,
  resourceTypes: CACHE_TYPES,
  remediation: "Use a replication group with atRestEncryptionEnabled: true and a kmsKeyId (requires replacement on existing groups).",
  evaluate(cache) {
    if (isReplicationGroupMember(cache)) return "not-applicable";
    if (cache.type === TYPES.cacheCluster) {
      return [violation(`${label(cache)} is a standalone ${cacheEngine(cache)} cluster, which cannot encrypt data at rest: use an aws.elasticache.ReplicationGroup with atRestEncryptionEnabled: true`)];
    }
    const setting = bool(cache.props, "atRestEncryptionEnabled");
    const enabled = setting ?? cacheEngine(cache) === "valkey";
    if (enabled) return [];
    return [violation(`${label(cache)} stores cached data and snapshots unencrypted (atRestEncryptionEnabled is ${setting === false ? "false" : "unset, which is off for Redis"}): set atRestEncryptionEnabled: true with a kmsKeyId`)];
  },
};
