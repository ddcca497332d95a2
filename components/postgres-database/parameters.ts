/** One setting of an RDS DB parameter group. */
export interface DbParameter {
  readonly name: string;
  readonly value: string;
  /** `immediate` for dynamic parameters, `pending-reboot` for static ones. */
  readonly applyMethod: "immediate" | "pending-reboot";
}

export interface PostgresParameterSettings {
  /** Statements running at least this long are logged with their duration (`log_min_duration_statement`). */
  readonly slowStatementMs: number;
}

/**
 * The parameters ICNA sets: clients must use TLS 1.2 or later (`rds.force_ssl` rejects plain connections),
 * slow statements and lock waits are logged. All are dynamic: changing them never restarts the database.
 */
export function postgresParameters(settings: PostgresParameterSettings): DbParameter[] {
  return [
    { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
    { name: "ssl_min_protocol_version", value: "TLSv1.2", applyMethod: "immediate" },
    { name: "log_min_duration_statement", value: String(settings.slowStatementMs), applyMethod: "immediate" },
    { name: "log_lock_waits", value: "1", applyMethod: "immediate" },
  ];
}
