import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { isSet } from "../../values";

export const mskEncryptionAtRestCmk: ResourceRule = {
  scope: "resource",
  name: "msk-encryption-at-rest-cmk",
  area: "msk",
  description: "MSK brokers encrypt their storage with a customer-managed KMS key (not the AWS-managed default).",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.mskCluster],
  remediation: "Set encryptionInfo.encryptionAtRestKmsKeyArn to the data tier's KMS key ARN (requires a new cluster).",
  evaluate(cluster) {
    if (isSet(cluster.props, "encryptionInfo.encryptionAtRestKmsKeyArn")) return [];
    return [violation(`${label(cluster)} encrypts broker storage with the AWS-managed key: set encryptionInfo.encryptionAtRestKmsKeyArn to a customer-managed KMS key`)];
  },
};
