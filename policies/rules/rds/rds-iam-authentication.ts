import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { isReadReplica, RDS_DATABASE_TYPES } from "../../support/rds";
import { bool } from "../../values";

export const rdsIamAuthentication: ResourceRule = {
  scope: "resource",
  name: "rds-iam-authentication",
  area: "rds",
  description: "RDS databases accept IAM authentication, so workloads connect with short-lived tokens from their IRSA role instead of stored passwords.",
  severity: "medium",
  checkov: ["CKV_AWS_161", "CKV_AWS_162"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set iamDatabaseAuthenticationEnabled: true and grant rds-db:connect to the workload roles.",
  fix: (props) => (props.iamDatabaseAuthenticationEnabled !== true ? { ...props, iamDatabaseAuthenticationEnabled: true } : undefined),
  evaluate(db) {
    if (isReadReplica(db)) return "not-applicable";
    if (bool(db.props, "iamDatabaseAuthenticationEnabled") === true) return [];
    return [violation(`${label(db)} only accepts password logins (iamDatabaseAuthenticationEnabled is not true): set iamDatabaseAuthenticationEnabled: true`)];
  },
};
