import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { clusterVersion, EKS_CLUSTER_TYPES } from "../../support/eks";
import { eksVersionSupport, supportWindow } from "../../support/kubernetes-support";

export const eksSupportedVersion: ResourceRule = {
  scope: "resource",
  name: "eks-supported-version",
  area: "eks",
  description: "EKS clusters run a Kubernetes version AWS still supports (standard or extended support).",
  severity: "high",
  checkov: ["CKV_AWS_339"],
  enforcement: LEVELS.everywhere,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: "Upgrade blue/green: create the idle colour on a version in standard support (stacks/config/kubernetes-versions.ts), cut traffic over, retire the old colour.",
  evaluate(cluster, ctx) {
    const version = clusterVersion(cluster);
    if (version === undefined) return [];
    const status = eksVersionSupport(version, ctx.today);
    if (status === "standard" || status === "extended") return [];
    if (status === "unknown") return [violation(`${label(cluster)} requests Kubernetes "${version}", which is not an EKS version (expected 1.<minor> such as 1.35): set version to a supported release`)];
    const window = supportWindow(version);
    const ended = window ? ` (extended support ended ${window.endOfExtendedSupport})` : "";
    return [violation(`${label(cluster)} runs Kubernetes ${version}, which EKS no longer supports${ended}: create the idle colour on a version in standard support, cut traffic over and retire this one`)];
  },
};
