import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { clusterVersion, EKS_CLUSTER_TYPES } from "../../support/eks";
import { eksVersionSupport, supportWindow } from "../../support/kubernetes-support";

export const eksStandardSupportVersion: ResourceRule = {
  scope: "resource",
  name: "eks-standard-support-version",
  area: "eks",
  description: "EKS clusters stay in standard support: extended support costs $0.60 instead of $0.10 per cluster-hour.",
  severity: "low",
  checkov: [],
  enforcement: LEVELS.advisory,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: "Before standard support ends, upgrade blue/green: create the idle colour on the next version in standard support, cut traffic over, retire the old colour.",
  evaluate(cluster, ctx) {
    const version = clusterVersion(cluster);
    if (version === undefined || eksVersionSupport(version, ctx.today) !== "extended") return [];
    const window = supportWindow(version);
    return [violation(`${label(cluster)} runs Kubernetes ${version} in extended support${window ? ` since ${window.endOfStandardSupport}` : ""} (6× the control-plane price): create the idle colour on a version in standard support, cut traffic over and retire this one`)];
  },
};
