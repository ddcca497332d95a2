import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_INSTANCE_TYPES } from "../../support/rds";
import { num } from "../../values";

export const rdsEnhancedMonitoring: ResourceRule = {
  scope: "resource",
  name: "rds-enhanced-monitoring",
  area: "rds",
  description: "RDS instances publish OS-level Enhanced Monitoring metrics (monitoringInterval > 0).",
  severity: "low",
  checkov: ["CKV_AWS_118"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_INSTANCE_TYPES,
  remediation: "Set monitoringInterval to 60 (or 1/5/10/15/30) and monitoringRoleArn to a role with AmazonRDSEnhancedMonitoringRole.",
  evaluate(db) {
    const interval = num(db.props, "monitoringInterval") ?? 0;
    if (interval > 0) return [];
    return [violation(`${label(db)} has Enhanced Monitoring off (monitoringInterval is ${interval}): set monitoringInterval to 60 and a monitoringRoleArn`)];
  },
};
