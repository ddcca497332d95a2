import { ConfigProblem } from "./config-error";
import { acceptedVersions, KUBERNETES_VERSIONS, KUBERNETES_VERSIONS_RECORDED_ON, standardSupportVersions } from "./kubernetes-versions";

/**
 * A cluster's Kubernetes version must be one EKS still runs on the day the release calendar was recorded
 * (the policies then judge it against the real date). Judging on the recorded day keeps a stack's validity
 * independent of the clock; the calendar's age test keeps that day within 120 days of now.
 */
export function checkKubernetesVersion(path: string, version: string): ConfigProblem[] {
  const accepted = acceptedVersions(KUBERNETES_VERSIONS_RECORDED_ON);
  if (accepted.includes(version)) return [];
  const standard = standardSupportVersions(KUBERNETES_VERSIONS_RECORDED_ON);
  const allowed = `${accepted.join(", ")}; for a new cluster ${standard.join(" or ")} (standard support)`;
  const retired = KUBERNETES_VERSIONS.find((v) => v.version === version);
  if (retired) {
    return [{ path, message: `"${version}" left EKS extended support on ${retired.endOfExtendedSupport}; upgrade blue/green: create the idle colour on ${standard.at(-1) ?? "a version in standard support"}, cut traffic over, retire this one`, allowed }];
  }
  return [{ path, message: `"${version}" is not an Amazon EKS version in the release calendar recorded ${KUBERNETES_VERSIONS_RECORDED_ON} (stacks/config/kubernetes-versions.ts)`, allowed }];
}
