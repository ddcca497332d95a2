import { LEVELS, ResourceRule } from "../../rule";
import { DATABASE_PORTS } from "../../knowledge/network-ports";
import { publicIngressFindings } from "../../support/public-ingress";
import { TYPES } from "../../knowledge/type-tokens";

export const sgNoPublicDatabaseIngress: ResourceRule = {
  scope: "resource",
  name: "sg-no-public-database-ingress",
  area: "network",
  description: "No security group lets 0.0.0.0/0 or ::/0 reach a database, cache or Kafka port.",
  severity: "critical",
  checkov: [],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.securityGroup, TYPES.securityGroupRule, TYPES.securityGroupIngressRule],
  remediation: "Allow the data port only from the clusters' security groups (sourceSecurityGroupId / referencedSecurityGroupId).",
  evaluate(resource) {
    return publicIngressFindings(resource, DATABASE_PORTS, "database port");
  },
};
