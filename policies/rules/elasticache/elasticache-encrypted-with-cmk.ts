import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { cacheEngine } from "../../support/elasticache";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, isSet } from "../../values";

export const elasticacheEncryptedWithCmk: ResourceRule = {
  scope: "resource",
  name: "elasticache-encrypted-with-cmk",
  area: "elasticache",
  description: "ElastiCache replication groups encrypt at rest with a customer-managed KMS key (auditable, revocable).",
  severity: "low",
  checkov: ["CKV_AWS_191"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.cacheReplicationGroup],
  remediation: "Set kmsKeyId to the data tier's KMS key ARN (with atRestEncryptionEnabled: true).",
  evaluate(cache) {
    const atRest = bool(cache.props, "atRestEncryptionEnabled") ?? cacheEngine(cache) === "valkey";
    if (!atRest) return "not-applicable";
    if (isSet(cache.props, "kmsKeyId")) return [];
    return [violation(`${label(cache)} encrypts at rest with the AWS-owned key: set kmsKeyId to a customer-managed KMS key`)];
  },
};
