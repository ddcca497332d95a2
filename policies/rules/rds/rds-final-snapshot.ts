import { STATEFUL_TYPES } from "../../knowledge/stateful-types";
import { TYPES } from "../../knowledge/type-tokens";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { isReadReplica, RDS_DATABASE_TYPES } from "../../support/rds";
import { bool, isSet } from "../../values";

const SNAPSHOT = STATEFUL_TYPES[TYPES.rdsInstance].finalSnapshot!;

/**
 * The last line of defence when a production database is deleted (by `pulumi destroy`, a replacement
 * or a removed resource): AWS takes a final snapshot only with skipFinalSnapshot false and a
 * finalSnapshotIdentifier; without the identifier the provider refuses the delete half-way through
 * `up`. Same intent as Trivy's AVD-AWS-0344 (Checkov has no check for it).
 */
export const rdsFinalSnapshot: ResourceRule = {
  scope: "resource",
  name: "rds-final-snapshot",
  area: "rds",
  description: "Production RDS instances and Aurora clusters take a final snapshot when deleted: skipFinalSnapshot false and a finalSnapshotIdentifier.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set skipFinalSnapshot: false and finalSnapshotIdentifier: \"<identifier>-final\" (in-place changes); a delete then leaves a snapshot to restore from.",
  evaluate(db) {
    if (isReadReplica(db)) return "not-applicable";
    const problems: string[] = [];
    if (bool(db.props, SNAPSHOT.skipInput!) === true) problems.push("skipFinalSnapshot is true, so a delete keeps no copy of the data");
    if (!isSet(db.props, SNAPSHOT.identifierInput)) problems.push("finalSnapshotIdentifier is not set, so a delete either fails half-way through `pulumi up` or keeps no copy");
    return problems.length === 0 ? [] : [violation(`${label(db)}: ${problems.join("; ")}: set skipFinalSnapshot: false and a finalSnapshotIdentifier`)];
  },
};
