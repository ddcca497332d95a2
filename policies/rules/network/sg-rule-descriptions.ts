import { LEVELS, ResourceRule, violation } from "../../rule";
import { ingressPermissions, permissionLabel } from "../../knowledge/ingress";
import { TYPES } from "../../knowledge/type-tokens";

export const sgRuleDescriptions: ResourceRule = {
  scope: "resource",
  name: "sg-rule-descriptions",
  area: "network",
  description: "Every ingress rule says why it exists (a description), so reviews can tell a needed rule from a leftover.",
  severity: "low",
  checkov: ["CKV_AWS_23"],
  enforcement: LEVELS.advisory,
  resourceTypes: [TYPES.securityGroup, TYPES.securityGroupRule, TYPES.securityGroupIngressRule],
  remediation: 'Add description: "<who> to <what>", e.g. "blue cluster nodes to PostgreSQL".',
  evaluate(resource) {
    return ingressPermissions(resource)
      .filter((p) => p.description === undefined && !p.descriptionUnknown)
      .map((p) => violation(`${permissionLabel(p)} has no description: say which client it admits and why`));
  },
};
