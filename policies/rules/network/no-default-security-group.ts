import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../knowledge/type-tokens";
import { isSet, list } from "../../values";

/** Where each type names its security groups; without them AWS attaches the VPC's default group. */
const SECURITY_GROUP_INPUT: Readonly<Record<string, string>> = {
  [TYPES.rdsInstance]: "vpcSecurityGroupIds",
  [TYPES.rdsCluster]: "vpcSecurityGroupIds",
  [TYPES.cacheReplicationGroup]: "securityGroupIds",
  [TYPES.cacheCluster]: "securityGroupIds",
};

export const noDefaultSecurityGroup: ResourceRule = {
  scope: "resource",
  name: "no-default-security-group",
  area: "network",
  description: "The VPC's default security group allows nothing, and no resource falls back to it.",
  severity: "medium",
  checkov: ["CKV2_AWS_12"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.defaultSecurityGroup, ...Object.keys(SECURITY_GROUP_INPUT)],
  remediation: "Adopt the default group with aws.ec2.DefaultSecurityGroup and no rules; give every resource its own security group.",
  evaluate(resource) {
    if (resource.type === TYPES.defaultSecurityGroup) {
      const rules = (list(resource.props, "ingress") ?? []).length + (list(resource.props, "egress") ?? []).length;
      if (rules === 0) return [];
      return [violation(`${label(resource)} keeps ${rules} rule${rules === 1 ? "" : "s"} on the VPC's default security group, which every unconfigured resource joins: remove its ingress and egress rules`)];
    }
    if (resource.type === TYPES.cacheCluster && isSet(resource.props, "replicationGroupId")) return "not-applicable";
    const input = SECURITY_GROUP_INPUT[resource.type];
    if (isSet(resource.props, input)) return [];
    return [violation(`${label(resource)} has no ${input}, so AWS attaches the VPC's default security group: give it a dedicated security group`)];
  },
};
