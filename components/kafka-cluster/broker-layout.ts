/**
 * MSK spreads brokers evenly over its client subnets, one subnet per availability zone, and accepts two or
 * three of them. These rules decide how many brokers a cluster may have.
 */

/** The number of zones (client subnets) MSK uses out of those the network offers: at most three. */
export function brokerZoneCount(availableZones: number): number {
  return Math.min(availableZones, 3);
}

/** What a broker layout must satisfy. */
export interface BrokerLayout {
  readonly brokerCount: number;
  /** Client subnets (one per zone) the brokers are spread over. */
  readonly zoneCount: number;
  readonly defaultReplicationFactor: number;
  readonly minInSyncReplicas: number;
}

/** Everything wrong with a layout, each a sentence naming the value and the fix; empty when MSK accepts it. */
export function brokerLayoutProblems(layout: BrokerLayout): string[] {
  const { brokerCount, zoneCount, defaultReplicationFactor, minInSyncReplicas } = layout;
  const problems: string[] = [];
  if (zoneCount < 2 || zoneCount > 3) problems.push(`MSK needs client subnets in 2 or 3 availability zones, got ${zoneCount}`);
  else if (brokerCount % zoneCount !== 0) {
    problems.push(`${brokerCount} brokers cannot be spread evenly over ${zoneCount} availability zones: use a multiple of ${zoneCount} (${smallestValidBrokerCount(zoneCount, Math.max(brokerCount, defaultReplicationFactor))})`);
  }
  if (brokerCount < defaultReplicationFactor) problems.push(`${brokerCount} brokers cannot hold ${defaultReplicationFactor} replicas of each partition: use at least ${defaultReplicationFactor} brokers`);
  if (minInSyncReplicas >= defaultReplicationFactor) {
    problems.push(`min.insync.replicas ${minInSyncReplicas} must be below the replication factor ${defaultReplicationFactor}, or one broker restart stops all writes`);
  }
  if (minInSyncReplicas < 1) problems.push(`min.insync.replicas must be at least 1, got ${minInSyncReplicas}`);
  return problems;
}

/** The smallest broker count that is a multiple of the zone count and at least `atLeast`. */
export function smallestValidBrokerCount(zoneCount: number, atLeast: number): number {
  return Math.ceil(Math.max(atLeast, zoneCount) / zoneCount) * zoneCount;
}
