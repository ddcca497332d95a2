import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { EKS_CLUSTER_TYPES, endpointAccess } from "../../support/eks";
import { isWorldCidr } from "../../knowledge/network-ports";

export const eksPublicEndpointRestricted: ResourceRule = {
  scope: "resource",
  name: "eks-public-endpoint-restricted",
  area: "eks",
  description: "A public EKS API endpoint, where one exists, only accepts listed CIDRs (never 0.0.0.0/0, which is AWS's default).",
  severity: "high",
  checkov: ["CKV_AWS_38"],
  enforcement: LEVELS.everywhere,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: "Turn the public endpoint off (endpointPublicAccess: false, endpointPrivateAccess: true) or list the office/VPN CIDRs in publicAccessCidrs.",
  evaluate(cluster) {
    const access = endpointAccess(cluster);
    if (!access.publicAccess) return [];
    const open = access.publicCidrs.filter(isWorldCidr);
    if (open.length === 0) return [];
    const why = access.cidrsDefaulted ? "no publicAccessCidrs are set, so AWS allows 0.0.0.0/0" : `publicAccessCidrs include ${open.join(", ")}`;
    return [violation(`${label(cluster)} exposes its Kubernetes API to the whole internet (${why}): list specific CIDRs in publicAccessCidrs or set endpointPublicAccess to false`)];
  },
};
