import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { engineFamily, isAurora, RDS_DATABASE_TYPES, REQUIRED_LOG_EXPORTS } from "../../support/rds";
import { TYPES } from "../../knowledge/type-tokens";
import { knownStrings, str } from "../../values";

export const rdsLogExports: ResourceRule = {
  scope: "resource",
  name: "rds-log-exports",
  area: "rds",
  description: "RDS databases export their engine logs (postgresql; error and audit for MySQL) to CloudWatch Logs.",
  severity: "medium",
  checkov: ["CKV_AWS_129", "CKV_AWS_324"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: 'Set enabledCloudwatchLogsExports, e.g. ["postgresql", "upgrade"] for PostgreSQL.',
  evaluate(db) {
    if (db.type === TYPES.rdsInstance && isAurora(db)) return "not-applicable";
    const family = engineFamily(str(db.props, "engine"));
    const enabled = knownStrings(db.props, "enabledCloudwatchLogsExports") ?? [];
    const required = REQUIRED_LOG_EXPORTS[family];
    const missing = required.length > 0 ? required.filter((r) => !enabled.includes(r)) : enabled.length === 0 ? ["(any log type)"] : [];
    if (missing.length === 0) return [];
    return [violation(`${label(db)} does not export ${missing.join(", ")} logs to CloudWatch: add ${missing.map((m) => `"${m}"`).join(", ")} to enabledCloudwatchLogsExports`)];
  },
};
