import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { cacheEngine, isReplicationGroupMember } from "../../support/elasticache";
import { TYPES } from "../../knowledge/type-tokens";
import { isSet } from "../../values";

export const elasticacheAuth: ResourceRule = {
  scope: "resource",
  name: "elasticache-auth",
  area: "elasticache",
  description: "Redis/Valkey clients authenticate, with an AUTH token or RBAC user groups (both need transit encryption).",
  severity: "high",
  checkov: ["CKV_AWS_31"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.cacheReplicationGroup, TYPES.cacheCluster],
  remediation: "Attach an RBAC user group (userGroupIds) or set authToken from a Pulumi secret, with transit encryption on.",
  evaluate(cache) {
    if (isReplicationGroupMember(cache) || cacheEngine(cache) === "memcached") return "not-applicable";
    if (isSet(cache.props, "authToken") || isSet(cache.props, "userGroupIds")) return [];
    return [violation(`${label(cache)} lets any client on the network run commands (no authToken and no userGroupIds): attach an RBAC user group or set authToken`)];
  },
};
