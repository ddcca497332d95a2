import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_INSTANCE_TYPES } from "../../support/rds";
import { bool } from "../../values";

export const rdsAutoMinorUpgrade: ResourceRule = {
  scope: "resource",
  name: "rds-auto-minor-upgrade",
  area: "rds",
  description: "RDS instances take minor engine upgrades (security patches) in their maintenance window.",
  severity: "low",
  checkov: ["CKV_AWS_226"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_INSTANCE_TYPES,
  remediation: "Remove autoMinorVersionUpgrade: false (the default is true).",
  fix: (props) => (props.autoMinorVersionUpgrade === false ? { ...props, autoMinorVersionUpgrade: true } : undefined),
  evaluate(db) {
    if (bool(db.props, "autoMinorVersionUpgrade") !== false) return [];
    return [violation(`${label(db)} skips minor engine upgrades (autoMinorVersionUpgrade: false), so security patches wait for a manual upgrade: set autoMinorVersionUpgrade: true`)];
  },
};
