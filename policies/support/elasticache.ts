import { PolicyResource } from "../model";
import { isSet, str } from "../values";
import { TYPES } from "../knowledge/type-tokens";

export const CACHE_TYPES = [TYPES.cacheReplicationGroup, TYPES.cacheCluster] as const;

/** A cache cluster that belongs to a replication group takes its settings from the group. */
export function isReplicationGroupMember(cache: PolicyResource): boolean {
  return cache.type === TYPES.cacheCluster && isSet(cache.props, "replicationGroupId");
}

/** redis, valkey or memcached (a replication group defaults to redis). */
export function cacheEngine(cache: PolicyResource): string {
  return (str(cache.props, "engine") ?? "redis").toLowerCase();
}
