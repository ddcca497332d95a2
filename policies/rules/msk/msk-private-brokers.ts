import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { str } from "../../values";

export const mskPrivateBrokers: ResourceRule = {
  scope: "resource",
  name: "msk-private-brokers",
  area: "msk",
  description: "MSK brokers have no public endpoints.",
  severity: "critical",
  checkov: ["CKV_AWS_291"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.mskCluster],
  remediation: 'Set brokerNodeGroupInfo.connectivityInfo.publicAccess.type to "DISABLED" (or remove it).',
  evaluate(cluster) {
    const type = str(cluster.props, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type") ?? "DISABLED";
    if (type === "DISABLED") return [];
    return [violation(`${label(cluster)} gives its brokers public IP addresses (publicAccess.type: "${type}"): set brokerNodeGroupInfo.connectivityInfo.publicAccess.type to "DISABLED"`)];
  },
};
