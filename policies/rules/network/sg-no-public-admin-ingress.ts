import { LEVELS, ResourceRule } from "../../rule";
import { ADMIN_PORTS } from "../../knowledge/network-ports";
import { publicIngressFindings } from "../../support/public-ingress";
import { TYPES } from "../../knowledge/type-tokens";

export const sgNoPublicAdminIngress: ResourceRule = {
  scope: "resource",
  name: "sg-no-public-admin-ingress",
  area: "network",
  description: "No security group lets 0.0.0.0/0 or ::/0 reach SSH, RDP, the kubelet or etcd, or every port.",
  severity: "critical",
  checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.securityGroup, TYPES.securityGroupRule, TYPES.securityGroupIngressRule],
  remediation: "Remove the rule; administer nodes through SSM Session Manager, or allow a VPN/bastion security group only.",
  evaluate(resource) {
    return publicIngressFindings(resource, ADMIN_PORTS, "admin port");
  },
};
