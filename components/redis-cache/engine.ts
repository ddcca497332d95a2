/** ElastiCache Redis OSS versions ICNA creates replication groups with (in-transit encryption mode needs 7.0.5+ or 6.2 with "preferred"). */
export const REDIS_ENGINE_VERSIONS = ["7.0", "7.1"] as const;
export type RedisEngineVersion = (typeof REDIS_ENGINE_VERSIONS)[number];

/** The cache parameter group family of an engine version. */
export function redisParameterFamily(version: RedisEngineVersion): string {
  return `redis${version.split(".")[0]}`;
}

/** Eviction policies a cache may use when memory is full (`maxmemory-policy`). */
export const EVICTION_POLICIES = ["volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "volatile-ttl", "noeviction"] as const;
export type EvictionPolicy = (typeof EVICTION_POLICIES)[number];

/**
 * Preferred availability zone of each node, primary first: nodes go round-robin over the zones so that the
 * primary and its replicas sit in different zones whenever there are enough zones.
 */
export function nodeZones(availabilityZones: readonly string[], nodeCount: number): string[] {
  if (availabilityZones.length === 0) throw new Error("a cache needs at least one availability zone");
  return Array.from({ length: nodeCount }, (_, i) => availabilityZones[i % availabilityZones.length]);
}
