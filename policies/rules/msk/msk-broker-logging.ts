import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool } from "../../values";

export const mskBrokerLogging: ResourceRule = {
  scope: "resource",
  name: "msk-broker-logging",
  area: "msk",
  description: "MSK broker logs go to CloudWatch Logs, Firehose or S3.",
  severity: "medium",
  checkov: ["CKV_AWS_80"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.mskCluster],
  remediation: "Set loggingInfo.brokerLogs.cloudwatchLogs { enabled: true, logGroup } (or firehose / s3).",
  evaluate(cluster) {
    const destinations = ["cloudwatchLogs", "firehose", "s3"];
    if (destinations.some((d) => bool(cluster.props, `loggingInfo.brokerLogs.${d}.enabled`) === true)) return [];
    return [violation(`${label(cluster)} keeps no broker logs: set loggingInfo.brokerLogs.cloudwatchLogs.enabled: true with a logGroup`)];
  },
};
