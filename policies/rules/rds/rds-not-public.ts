import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_INSTANCE_TYPES } from "../../support/rds";
import { bool } from "../../values";

export const rdsNotPublic: ResourceRule = {
  scope: "resource",
  name: "rds-not-public",
  area: "rds",
  description: "RDS database instances are not publicly accessible.",
  severity: "critical",
  checkov: ["CKV_AWS_17"],
  enforcement: LEVELS.everywhere,
  resourceTypes: RDS_INSTANCE_TYPES,
  remediation: "Set publiclyAccessible: false and place the database in isolated subnets reachable only from the clusters' security groups.",
  fix: (props) => (props.publiclyAccessible === true ? { ...props, publiclyAccessible: false } : undefined),
  evaluate(db) {
    if (bool(db.props, "publiclyAccessible") !== true) return [];
    return [violation(`${label(db)} is publicly accessible (publiclyAccessible: true), so it gets a public IP and DNS name: set publiclyAccessible: false`)];
  },
};
