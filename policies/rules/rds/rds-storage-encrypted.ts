import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { isReadReplica, RDS_DATABASE_TYPES } from "../../support/rds";
import { bool } from "../../values";

export const rdsStorageEncrypted: ResourceRule = {
  scope: "resource",
  name: "rds-storage-encrypted",
  area: "rds",
  description: "RDS instances and clusters encrypt their storage, snapshots and backups at rest.",
  severity: "high",
  checkov: ["CKV_AWS_16", "CKV_AWS_96"],
  enforcement: LEVELS.everywhere,
  resourceTypes: RDS_DATABASE_TYPES,
  remediation: "Set storageEncrypted: true (with kmsKeyId for a customer-managed key). An existing database must be restored from an encrypted snapshot copy.",
  evaluate(db) {
    if (isReadReplica(db)) return "not-applicable";
    if (bool(db.props, "storageEncrypted") === true) return [];
    return [violation(`${label(db)} stores data unencrypted (storageEncrypted is not true): set storageEncrypted: true and a kmsKeyId`)];
  },
};
