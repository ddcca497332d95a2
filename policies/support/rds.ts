import { PolicyResource } from "../model";
import { isSet, str } from "../values";
import { TYPES } from "../knowledge/type-tokens";

export const RDS_DATABASE_TYPES = [TYPES.rdsInstance, TYPES.rdsCluster] as const;
export const RDS_INSTANCE_TYPES = [TYPES.rdsInstance, TYPES.rdsClusterInstance] as const;

export type EngineFamily = "postgres" | "mysql" | "sqlserver" | "oracle" | "other";

/** postgres for postgres and aurora-postgresql, mysql for mysql, mariadb and aurora-mysql… */
export function engineFamily(engine: string | undefined): EngineFamily {
  const e = (engine ?? "").toLowerCase();
  if (e.includes("postgres")) return "postgres";
  if (e.includes("mysql") || e === "mariadb" || e === "aurora") return "mysql";
  if (e.startsWith("sqlserver")) return "sqlserver";
  if (e.startsWith("oracle")) return "oracle";
  return "other";
}

export const DEFAULT_PORTS: Readonly<Record<EngineFamily, number | undefined>> = { postgres: 5432, mysql: 3306, sqlserver: 1433, oracle: 1521, other: undefined };

/** Log exports that must be on per engine family. */
export const REQUIRED_LOG_EXPORTS: Readonly<Record<EngineFamily, readonly string[]>> = {
  postgres: ["postgresql"],
  mysql: ["error", "audit"],
  sqlserver: ["error"],
  oracle: ["alert", "audit"],
  other: [],
};

/** A read replica inherits encryption, engine and credentials from its source. */
export function isReadReplica(db: PolicyResource): boolean {
  return db.type === TYPES.rdsInstance && isSet(db.props, "replicateSourceDb");
}

/** Aurora clusters keep storage across instances; Multi-AZ DB clusters (dbClusterInstanceClass) do not use Aurora. */
export function isAurora(db: PolicyResource): boolean {
  return (str(db.props, "engine") ?? "").startsWith("aurora");
}

/** Major version from an engine version (`16.4` → 16, `8.0.39` → 8) or a parameter group family (`postgres16` → 16). */
export function majorVersion(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /(\d+)(?:\.\d+)*$/.exec(text.trim()) ?? /(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}
