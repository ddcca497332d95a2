import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { EKS_NODE_GROUP_TYPES } from "../../support/eks";
import { isSet, record } from "../../values";

export const eksNodeRemoteAccessRestricted: ResourceRule = {
  scope: "resource",
  name: "eks-node-remote-access-restricted",
  area: "eks",
  description: "EKS node groups with an SSH key limit SSH to named source security groups (otherwise EKS opens port 22 to 0.0.0.0/0).",
  severity: "high",
  checkov: ["CKV_AWS_100"],
  enforcement: LEVELS.everywhere,
  resourceTypes: EKS_NODE_GROUP_TYPES,
  remediation: "Remove remoteAccess (use SSM Session Manager) or set remoteAccess.sourceSecurityGroupIds.",
  evaluate(group) {
    const remote = record(group.props, "remoteAccess");
    if (!remote || !isSet(remote, "ec2SshKey")) return [];
    if (isSet(remote, "sourceSecurityGroupIds")) return [];
    return [violation(`${label(group)} sets remoteAccess.ec2SshKey without sourceSecurityGroupIds, so EKS opens SSH (22) on every node to 0.0.0.0/0: remove remoteAccess and use SSM, or list sourceSecurityGroupIds`)];
  },
};
