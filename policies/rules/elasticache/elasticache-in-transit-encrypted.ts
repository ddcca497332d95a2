import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CACHE_TYPES, isReplicationGroupMember } from "../../support/elasticache";
import { bool, str } from "../../values";

export const elasticacheInTransitEncrypted: ResourceRule = {
  scope: "resource",
  name: "elasticache-in-transit-encrypted",
  area: "elasticache",
  description: "ElastiCache only accepts TLS connections (transit encryption on, mode required).",
  severity: "high",
  checkov: ["CKV_AWS_30"],
  enforcement: LEVELS.production,
  resourceTypes: CACHE_TYPES,
  remediation: 'Set transitEncryptionEnabled: true and transitEncryptionMode: "required"; clients connect with TLS.',
  evaluate(cache) {
    if (isReplicationGroupMember(cache)) return "not-applicable";
    if (bool(cache.props, "transitEncryptionEnabled") !== true) {
      return [violation(`${label(cache)} accepts plain-text connections (transitEncryptionEnabled is not true): set transitEncryptionEnabled: true and transitEncryptionMode: "required"`)];
    }
    const mode = str(cache.props, "transitEncryptionMode");
    if (mode === "preferred") return [violation(`${label(cache)} still accepts plain-text connections (transitEncryptionMode: "preferred", a migration setting): set transitEncryptionMode: "required"`)];
    return [];
  },
};
