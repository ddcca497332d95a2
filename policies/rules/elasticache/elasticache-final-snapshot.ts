import { STATEFUL_TYPES } from "../../knowledge/stateful-types";
import { TYPES } from "../../knowledge/type-tokens";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CACHE_TYPES, cacheEngine, isReplicationGroupMember } from "../../support/elasticache";
import { isSet } from "../../values";

const SNAPSHOT = STATEFUL_TYPES[TYPES.cacheReplicationGroup].finalSnapshot!;

/**
 * A deleted Redis/Valkey cache keeps a copy only when it names a final snapshot; memcached has no
 * snapshots and a serverless cache has no final snapshot input. Same intent as rds-final-snapshot.
 */
export const elasticacheFinalSnapshot: ResourceRule = {
  scope: "resource",
  name: "elasticache-final-snapshot",
  area: "elasticache",
  description: "Production Redis/Valkey replication groups and clusters name a finalSnapshotIdentifier, so a delete leaves a snapshot to restore from.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: CACHE_TYPES,
  remediation: "Set finalSnapshotIdentifier: \"<name>-final\" (an in-place change).",
  evaluate(cache) {
    if (isReplicationGroupMember(cache) || cacheEngine(cache) === "memcached") return "not-applicable";
    if (isSet(cache.props, SNAPSHOT.identifierInput)) return [];
    return [violation(`${label(cache)} names no finalSnapshotIdentifier, so deleting it keeps no copy of its data: set finalSnapshotIdentifier`)];
  },
};
