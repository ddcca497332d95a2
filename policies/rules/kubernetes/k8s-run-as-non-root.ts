import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { containersOf, podSpecOf, WORKLOAD_TYPES } from "../../support/pod-spec";
import { bool, num } from "../../values";

export const k8sRunAsNonRoot: ResourceRule = {
  scope: "resource",
  name: "k8s-run-as-non-root",
  area: "kubernetes",
  description: "Containers run as a non-root user (runAsNonRoot: true or a non-zero runAsUser, at pod or container level).",
  severity: "high",
  checkov: ["CKV_K8S_23"],
  enforcement: LEVELS.production,
  resourceTypes: WORKLOAD_TYPES,
  remediation: "Set securityContext.runAsNonRoot: true (and runAsUser to the image's non-root UID) on the pod.",
  evaluate(workload) {
    const pod = podSpecOf(workload);
    if (!pod) return "not-applicable";
    const podNonRoot = bool(pod, "securityContext.runAsNonRoot");
    const podUser = num(pod, "securityContext.runAsUser");
    return containersOf(pod).flatMap((c) => {
      const nonRoot = bool(c.spec, "securityContext.runAsNonRoot") ?? podNonRoot;
      const user = num(c.spec, "securityContext.runAsUser") ?? podUser;
      if (user === 0) return [violation(`${label(workload)} container "${c.name}" runs as root (runAsUser: 0): run as the image's non-root UID with runAsNonRoot: true`)];
      if (nonRoot === true || (user !== undefined && user > 0)) return [];
      return [violation(`${label(workload)} container "${c.name}" may run as root (neither runAsNonRoot: true nor a non-zero runAsUser): set securityContext.runAsNonRoot: true`)];
    });
  },
};
