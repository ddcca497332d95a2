import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { clusterLogTypes, EKS_CLUSTER_TYPES } from "../../support/eks";

const REQUIRED = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export const eksControlPlaneLogging: ResourceRule = {
  scope: "resource",
  name: "eks-control-plane-logging",
  area: "eks",
  description: "EKS clusters send all five control-plane log types (api, audit, authenticator, controllerManager, scheduler) to CloudWatch.",
  severity: "medium",
  checkov: ["CKV_AWS_37"],
  enforcement: LEVELS.production,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: `Set enabledClusterLogTypes to ${JSON.stringify(REQUIRED)}.`,
  evaluate(cluster) {
    const enabled = clusterLogTypes(cluster);
    const missing = REQUIRED.filter((t) => !enabled.includes(t));
    if (missing.length === 0) return [];
    return [violation(`${label(cluster)} does not send the ${missing.join(", ")} control-plane log${missing.length > 1 ? "s" : ""} to CloudWatch: add ${missing.map((m) => `"${m}"`).join(", ")} to enabledClusterLogTypes`)];
  },
};
