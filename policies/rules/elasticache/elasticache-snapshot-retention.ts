import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CACHE_TYPES, cacheEngine, isReplicationGroupMember } from "../../support/elasticache";
import { num } from "../../values";

/** Days of automatic snapshots required per stack kind. */
export const MINIMUM_SNAPSHOT_DAYS = { dev: 1, prod: 7, dr: 7 } as const;

export const elasticacheSnapshotRetention: ResourceRule = {
  scope: "resource",
  name: "elasticache-snapshot-retention",
  area: "elasticache",
  description: "Redis/Valkey takes automatic daily snapshots, kept 7 days in prod and dr (1 in dev).",
  severity: "medium",
  checkov: ["CKV_AWS_134"],
  enforcement: LEVELS.production,
  resourceTypes: CACHE_TYPES,
  remediation: "Set snapshotRetentionLimit (days, up to 35) and a snapshotWindow outside peak hours.",
  evaluate(cache, ctx) {
    if (isReplicationGroupMember(cache) || cacheEngine(cache) === "memcached") return "not-applicable";
    const minimum = MINIMUM_SNAPSHOT_DAYS[ctx.stack.kind];
    const days = num(cache.props, "snapshotRetentionLimit") ?? 0;
    if (days >= minimum) return [];
    return [violation(`${label(cache)} ${days === 0 ? "takes no automatic snapshots (snapshotRetentionLimit is 0 or unset)" : `keeps snapshots for ${days} day${days === 1 ? "" : "s"}`}; a ${ctx.stack.kind} cache needs ${minimum}: set snapshotRetentionLimit to ${minimum} or more`)];
  },
};
