import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { isReadReplica, RDS_DATABASE_TYPES } from "../../support/rds";
import { isSet } from "../../values";

export const rdsInCustomVpc: ResourceRule = {
  scope: "resource",
  name: "rds-in-custom-vpc",
  area: "rds",
  description: "RDS databases run in the platform VPC's isolated subnets, not the account's default VPC.",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.everywhere,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Create an aws.rds.SubnetGroup of the isolated subnets and pass its name as dbSubnetGroupName.",
  evaluate(db) {
    if (isReadReplica(db) && !isSet(db.props, "dbSubnetGroupName")) return "not-applicable";
    if (isSet(db.props, "dbSubnetGroupName")) return [];
    return [violation(`${label(db)} has no dbSubnetGroupName, so RDS places it in the account's default VPC: set dbSubnetGroupName to a subnet group of the isolated subnets`)];
  },
};
