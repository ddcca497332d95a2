import { PolicyResource } from "../../model";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { bool, isSet, str } from "../../values";

function launchTemplateFindings(template: PolicyResource) {
  const endpoint = str(template.props, "metadataOptions.httpEndpoint");
  if (endpoint === "disabled") return [];
  const tokens = str(template.props, "metadataOptions.httpTokens");
  if (tokens === "required") return [];
  return [violation(`${label(template)} lets instances use IMDSv1 (metadataOptions.httpTokens is ${tokens ? `"${tokens}"` : "unset, which defaults to optional"}), so a request forgery on a node can read its role's credentials: set metadataOptions.httpTokens to "required"`)];
}

export const eksNodeImdsv2: ResourceRule = {
  scope: "resource",
  name: "eks-node-imdsv2",
  area: "eks",
  description: "EKS worker nodes require IMDSv2 (session tokens) for the instance metadata service.",
  severity: "high",
  checkov: ["CKV_AWS_79"],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.eksManagedNodeGroup, TYPES.awsEksNodeGroup, TYPES.launchTemplate, TYPES.eksCluster],
  remediation: 'Set enableIMDSv2: true on eks.ManagedNodeGroup, or give the node group a launch template with metadataOptions.httpTokens = "required"; skip the eks.Cluster default node group.',
  evaluate(resource) {
    switch (resource.type) {
      case TYPES.launchTemplate:
        return launchTemplateFindings(resource);
      case TYPES.eksManagedNodeGroup:
        if (isSet(resource.props, "launchTemplate")) return "not-applicable";
        if (bool(resource.props, "enableIMDSv2") === true) return [];
        return [violation(`${label(resource)} starts nodes that accept IMDSv1 (enableIMDSv2 is not true): set enableIMDSv2: true or pass a launch template that requires tokens`)];
      case TYPES.awsEksNodeGroup:
        if (isSet(resource.props, "launchTemplate")) return "not-applicable";
        return [violation(`${label(resource)} has no launch template, so EKS's default template allows IMDSv1: attach a launch template with metadataOptions.httpTokens = "required"`)];
      default: {
        const skipped = bool(resource.props, "skipDefaultNodeGroup") === true || isSet(resource.props, "fargate") || bool(resource.props, "autoMode.enabled") === true;
        if (skipped) return [];
        return [violation(`${label(resource)} creates the default self-managed node group, whose nodes accept IMDSv1: set skipDefaultNodeGroup: true and add eks.ManagedNodeGroup resources with enableIMDSv2: true`)];
      }
    }
  },
};
