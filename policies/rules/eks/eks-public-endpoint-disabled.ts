import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { EKS_CLUSTER_TYPES, endpointAccess } from "../../support/eks";

export const eksPublicEndpointDisabled: ResourceRule = {
  scope: "resource",
  name: "eks-public-endpoint-disabled",
  area: "eks",
  description: "Production EKS clusters keep the API endpoint private (public access off, private access on).",
  severity: "medium",
  checkov: ["CKV_AWS_39"],
  // Dev may reach its API over a public endpoint restricted to listed CIDRs, which eks-public-endpoint-restricted enforces.
  enforcement: LEVELS.productionOnly,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: "Set endpointPublicAccess: false and endpointPrivateAccess: true; reach the API through the VPC, a VPN or SSM.",
  evaluate(cluster) {
    const access = endpointAccess(cluster);
    const problems: string[] = [];
    if (access.publicAccess) problems.push("its API endpoint is public (endpointPublicAccess is true or unset; AWS defaults to public)");
    if (!access.privateAccess) problems.push("private endpoint access is off, so nodes and tools inside the VPC reach the API over the internet");
    if (problems.length === 0) return [];
    return [violation(`${label(cluster)}: ${problems.join("; ")}: set endpointPublicAccess: false and endpointPrivateAccess: true`)];
  },
};
