import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, isSet, num } from "../../values";

export const elasticacheAutomaticFailover: ResourceRule = {
  scope: "resource",
  name: "elasticache-automatic-failover",
  area: "elasticache",
  description: "Production Redis/Valkey replication groups have a replica in another zone and fail over automatically (Multi-AZ).",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: [TYPES.cacheReplicationGroup, TYPES.cacheCluster],
  remediation: "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters ≥ 2 (or replicasPerNodeGroup ≥ 1).",
  evaluate(cache) {
    if (cache.type === TYPES.cacheCluster) {
      if (isSet(cache.props, "replicationGroupId")) return "not-applicable";
      return [violation(`${label(cache)} is a single standalone node with no failover: use a replication group with automaticFailoverEnabled and multiAzEnabled`)];
    }
    const problems: string[] = [];
    if (bool(cache.props, "automaticFailoverEnabled") !== true) problems.push("automaticFailoverEnabled is not true");
    if (bool(cache.props, "multiAzEnabled") !== true) problems.push("multiAzEnabled is not true");
    const replicas = isSet(cache.props, "numNodeGroups") || isSet(cache.props, "replicasPerNodeGroup") ? num(cache.props, "replicasPerNodeGroup") ?? 0 : (num(cache.props, "numCacheClusters") ?? 1) - 1;
    if (replicas < 1) problems.push("it has no replica to promote");
    if (problems.length === 0) return [];
    return [violation(`${label(cache)} cannot survive losing its primary or its zone (${problems.join(", ")}): set automaticFailoverEnabled: true, multiAzEnabled: true and at least one replica`)];
  },
};
