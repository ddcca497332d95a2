import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { isAurora, RDS_DATABASE_TYPES } from "../../support/rds";
import { bool, isSet } from "../../values";

export const rdsMultiAz: ResourceRule = {
  scope: "resource",
  name: "rds-multi-az",
  area: "rds",
  description: "Production RDS databases run Multi-AZ, with a synchronous standby in another availability zone.",
  severity: "medium",
  checkov: ["CKV_AWS_157"],
  enforcement: LEVELS.productionOnly,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set multiAz: true (the standby takes over automatically within a minute or two).",
  evaluate(db) {
    if (db.type === TYPES.rdsCluster) {
      if (isAurora(db)) return "not-applicable";
      if (isSet(db.props, "dbClusterInstanceClass")) return [];
    }
    if (bool(db.props, "multiAz") === true) return [];
    return [violation(`${label(db)} runs in a single availability zone (multiAz is not true): set multiAz: true so a zone failure fails over to the standby`)];
  },
};
