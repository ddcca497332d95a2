/** Broker settings ICNA manages through the cluster's MSK configuration. */
export interface KafkaServerSettings {
  readonly defaultReplicationFactor: number;
  readonly minInSyncReplicas: number;
  /** How long records are kept, in hours. */
  readonly retentionHours: number;
}

/**
 * Renders `server.properties` for an MSK configuration. Topics are never created implicitly (a typo in a
 * producer must not create a topic with default settings), internal topics get the same durability as
 * application topics, and an out-of-sync replica never becomes leader (no silent data loss).
 */
export function renderServerProperties(settings: KafkaServerSettings): string {
  const properties: Record<string, string | number | boolean> = {
    "auto.create.topics.enable": false,
    "default.replication.factor": settings.defaultReplicationFactor,
    "min.insync.replicas": settings.minInSyncReplicas,
    "offsets.topic.replication.factor": settings.defaultReplicationFactor,
    "transaction.state.log.replication.factor": settings.defaultReplicationFactor,
    "transaction.state.log.min.isr": settings.minInSyncReplicas,
    "unclean.leader.election.enable": false,
    "log.retention.hours": settings.retentionHours,
  };
  return Object.entries(properties)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join("\n")
    .concat("\n");
}
