/**
 * Choices MSK offers that a stack's config may make. Kafka versions: MSK's supported list (reviewed
 * 2026-11), end-of-support versions left out; `.kraft` versions run without ZooKeeper, and moving a cluster
 * between ZooKeeper and KRaft means a new cluster.
 */
export const KAFKA_VERSIONS = ["3.7.x", "3.7.x.kraft", "3.8.x", "3.8.x.kraft", "3.9.x", "3.9.x.kraft", "4.0.x.kraft", "4.1.x.kraft"] as const;
export type KafkaVersion = (typeof KAFKA_VERSIONS)[number];

/** CloudWatch metric levels; every level above DEFAULT is billed per metric. */
export const ENHANCED_MONITORING_LEVELS = ["DEFAULT", "PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION"] as const;
export type EnhancedMonitoringLevel = (typeof ENHANCED_MONITORING_LEVELS)[number];
