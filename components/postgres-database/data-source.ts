import type * as aws from "@pulumi/aws";

/**
 * Where a new database's data comes from. Only read when the instance is created: afterwards the instance
 * ignores changes to it, so editing or removing it never replaces a live database.
 */
export type PostgresDataSource =
  /** An empty database. */
  | { readonly kind: "empty" }
  /** Point-in-time restore from automated backups, e.g. the primary's backups replicated to this region. */
  | { readonly kind: "automatedBackups"; readonly sourceDbInstanceAutomatedBackupsArn: string; /** ISO 8601 UTC; latest restorable time when absent. */ readonly restoreTime?: string }
  /** Restore from a DB snapshot (name, or ARN for a shared or copied snapshot). */
  | { readonly kind: "snapshot"; readonly snapshotIdentifier: string }
  /** A read replica of another instance (cross-region when the ARN names another region); promote it to fail over. */
  | { readonly kind: "readReplica"; readonly sourceDbInstanceArn: string };

type SourceArgs = Pick<aws.rds.InstanceArgs, "restoreToPointInTime" | "snapshotIdentifier" | "replicateSourceDb">;

/** The instance arguments that select the data source. */
export function dataSourceArgs(source: PostgresDataSource): SourceArgs {
  switch (source.kind) {
    case "empty":
      return {};
    case "automatedBackups":
      return {
        restoreToPointInTime: {
          sourceDbInstanceAutomatedBackupsArn: source.sourceDbInstanceAutomatedBackupsArn,
          ...(source.restoreTime ? { restoreTime: source.restoreTime } : { useLatestRestorableTime: true }),
        },
      };
    case "snapshot":
      return { snapshotIdentifier: source.snapshotIdentifier };
    case "readReplica":
      return { replicateSourceDb: source.sourceDbInstanceArn };
  }
}

/** True when the instance starts from existing data, so its name, master user and database come from that data. */
export function inheritsIdentity(source: PostgresDataSource): boolean {
  return source.kind !== "empty";
}
