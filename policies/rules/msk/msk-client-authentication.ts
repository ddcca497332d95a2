import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, isSet } from "../../values";

export const mskClientAuthentication: ResourceRule = {
  scope: "resource",
  name: "msk-client-authentication",
  area: "msk",
  description: "MSK clients authenticate (IAM, SASL/SCRAM or mutual TLS) and unauthenticated access is off.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.mskCluster],
  remediation: "Set clientAuthentication.sasl.iam: true (workloads use IRSA) and leave unauthenticated unset or false.",
  evaluate(cluster) {
    const authenticated =
      bool(cluster.props, "clientAuthentication.sasl.iam") === true ||
      bool(cluster.props, "clientAuthentication.sasl.scram") === true ||
      isSet(cluster.props, "clientAuthentication.tls.certificateAuthorityArns");
    const anonymous = bool(cluster.props, "clientAuthentication.unauthenticated") === true;
    if (authenticated && !anonymous) return [];
    const why = anonymous ? "clientAuthentication.unauthenticated is true" : "no IAM, SCRAM or TLS client authentication is configured";
    return [violation(`${label(cluster)} accepts anonymous clients (${why}): set clientAuthentication.sasl.iam: true and turn unauthenticated access off`)];
  },
};
