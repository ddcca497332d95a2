/** Where a workload finds the data tier: endpoints, names and secret ARNs, never secret values. */
export interface ConnectionEndpoints {
  readonly region: string;
  readonly postgres: { readonly host: string; readonly port: number; readonly database: string; readonly user: string };
  readonly kafka: { readonly bootstrapBrokers: string; readonly prefix: string };
  readonly redis: { readonly host: string; readonly readerHost: string; readonly port: number; readonly authSecretArn: string };
}

/**
 * The ConfigMap data published in each workload namespace, as environment-variable names. Every transport
 * setting states the only mode the services accept (TLS everywhere, IAM for PostgreSQL and Kafka).
 */
export function connectionSettings(endpoints: ConnectionEndpoints): Record<string, string> {
  const { postgres, kafka, redis } = endpoints;
  return {
    AWS_REGION: endpoints.region,
    PGHOST: postgres.host,
    PGPORT: String(postgres.port),
    PGDATABASE: postgres.database,
    PGUSER: postgres.user,
    PGSSLMODE: "verify-full",
    POSTGRES_AUTH: "iam",
    KAFKA_BOOTSTRAP_SERVERS: kafka.bootstrapBrokers,
    KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
    KAFKA_SASL_MECHANISM: "AWS_MSK_IAM",
    KAFKA_NAME_PREFIX: kafka.prefix,
    REDIS_HOST: redis.host,
    REDIS_READER_HOST: redis.readerHost,
    REDIS_PORT: String(redis.port),
    REDIS_TLS: "true",
    REDIS_AUTH_SECRET_ARN: redis.authSecretArn,
  };
}
