import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { RDS_INSTANCE_TYPES } from "../../support/rds";
import { bool, isSet } from "../../values";

export const rdsPerformanceInsightsEncrypted: ResourceRule = {
  scope: "resource",
  name: "rds-performance-insights-encrypted",
  area: "rds",
  description: "RDS instances run Performance Insights, encrypted with a customer-managed KMS key (its data contains query text).",
  severity: "medium",
  checkov: ["CKV_AWS_353", "CKV_AWS_354"],
  enforcement: LEVELS.production,
  resourceTypes: RDS_INSTANCE_TYPES,
  remediation: "Set performanceInsightsEnabled: true and performanceInsightsKmsKeyId to the data tier's KMS key ARN.",
  evaluate(db) {
    if (bool(db.props, "performanceInsightsEnabled") !== true) {
      return [violation(`${label(db)} has Performance Insights off: set performanceInsightsEnabled: true with performanceInsightsKmsKeyId`)];
    }
    if (isSet(db.props, "performanceInsightsKmsKeyId")) return [];
    return [violation(`${label(db)} keeps Performance Insights data (which includes SQL text) under the AWS-managed key: set performanceInsightsKmsKeyId to a customer-managed KMS key`)];
  },
};
