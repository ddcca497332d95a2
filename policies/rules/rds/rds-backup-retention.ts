import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_DATABASE_TYPES } from "../../support/rds";
import { num } from "../../values";

/** Days of automated backups required per stack kind. */
export const MINIMUM_BACKUP_DAYS = { dev: 1, prod: 7, dr: 7 } as const;

export const rdsBackupRetention: ResourceRule = {
  scope: "resource",
  name: "rds-backup-retention",
  area: "rds",
  description: "RDS automated backups are kept long enough for point-in-time recovery: 7 days in prod and dr, 1 in dev.",
  severity: "medium",
  checkov: ["CKV_AWS_133"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set backupRetentionPeriod to at least 7 (prod, dr) or 1 (dev); up to 35 days.",
  evaluate(db, ctx) {
    const minimum = MINIMUM_BACKUP_DAYS[ctx.stack.kind];
    const days = num(db.props, "backupRetentionPeriod") ?? 1;
    if (days >= minimum) return [];
    const what = days === 0 ? "has automated backups turned off (backupRetentionPeriod: 0)" : `keeps backups for ${days} day${days === 1 ? "" : "s"}${db.props.backupRetentionPeriod === undefined ? " (the default)" : ""}`;
    return [violation(`${label(db)} ${what}; a ${ctx.stack.kind} database needs at least ${minimum}: set backupRetentionPeriod to ${minimum} or more`)];
  },
};
