import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_DATABASE_TYPES } from "../../support/rds";
import { bool } from "../../values";

export const rdsDeletionProtection: ResourceRule = {
  scope: "resource",
  name: "rds-deletion-protection",
  area: "rds",
  description: "Production RDS databases have deletion protection, so neither a mistaken `pulumi destroy` nor the console can drop them (dev databases are disposable by design).",
  severity: "medium",
  checkov: ["CKV_AWS_293", "CKV_AWS_139"],
  enforcement: LEVELS.productionOnly,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set deletionProtection: true (in-place change).",
  fix: (props) => (props.deletionProtection !== true ? { ...props, deletionProtection: true } : undefined),
  evaluate(db) {
    if (bool(db.props, "deletionProtection") === true) return [];
    return [violation(`${label(db)} can be deleted by any API call (deletionProtection is not true): set deletionProtection: true`)];
  },
};
