import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, str } from "../../values";

export const kmsKeyRotation: ResourceRule = {
  scope: "resource",
  name: "kms-key-rotation",
  area: "kms",
  description: "Symmetric customer-managed KMS keys rotate their key material every year.",
  severity: "medium",
  checkov: ["CKV_AWS_7"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.kmsKey],
  remediation: "Set enableKeyRotation: true (in-place; old material keeps decrypting).",
  fix: (props) => (props.enableKeyRotation !== true ? { ...props, enableKeyRotation: true } : undefined),
  evaluate(key) {
    const spec = str(key.props, "customerMasterKeySpec") ?? str(key.props, "keySpec") ?? "SYMMETRIC_DEFAULT";
    const usage = str(key.props, "keyUsage") ?? "ENCRYPT_DECRYPT";
    if (spec !== "SYMMETRIC_DEFAULT" || usage !== "ENCRYPT_DECRYPT") return "not-applicable";
    if (bool(key.props, "enableKeyRotation") === true) return [];
    return [violation(`${label(key)} never rotates its key material (enableKeyRotation is not true): set enableKeyRotation: true`)];
  },
};
