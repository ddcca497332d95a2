import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, str } from "../../values";

export const mskTlsInTransit: ResourceRule = {
  scope: "resource",
  name: "msk-tls-in-transit",
  area: "msk",
  description: "MSK only speaks TLS: client-broker traffic is TLS-only and broker-to-broker traffic is encrypted.",
  severity: "high",
  checkov: ["CKV_AWS_81"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.mskCluster],
  remediation: 'Set encryptionInfo.encryptionInTransit.clientBroker to "TLS" and inCluster to true (both defaults).',
  evaluate(cluster) {
    const problems: string[] = [];
    const clientBroker = str(cluster.props, "encryptionInfo.encryptionInTransit.clientBroker") ?? "TLS";
    if (clientBroker !== "TLS") problems.push(`clients may connect in plain text (clientBroker: "${clientBroker}")`);
    if (bool(cluster.props, "encryptionInfo.encryptionInTransit.inCluster") === false) problems.push("brokers replicate in plain text (inCluster: false)");
    if (problems.length === 0) return [];
    return [violation(`${label(cluster)}: ${problems.join("; ")}: set encryptionInfo.encryptionInTransit to { clientBroker: "TLS", inCluster: true }`)];
  },
};
