import { LEVELS, ResourceRule } from "../../rule";
import { publicIngressFindings } from "../../support/public-ingress";
import { TYPES } from "../../knowledge/type-tokens";

export const sgNoPublicHttpIngress: ResourceRule = {
  scope: "resource",
  name: "sg-no-public-http-ingress",
  area: "network",
  description: "Public ingress uses HTTPS: port 80 from 0.0.0.0/0 or ::/0 is flagged (a load balancer should only redirect it).",
  severity: "low",
  checkov: ["CKV_AWS_260"],
  enforcement: LEVELS.advisory,
  resourceTypes: [TYPES.securityGroup, TYPES.securityGroupRule, TYPES.securityGroupIngressRule],
  remediation: "Serve 443 only, or keep 80 solely for an HTTP→HTTPS redirect on the load balancer.",
  evaluate(resource) {
    return publicIngressFindings(resource, { 80: "HTTP" }, "plain HTTP port");
  },
};
