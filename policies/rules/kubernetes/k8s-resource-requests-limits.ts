import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { containersOf, podSpecOf, WORKLOAD_TYPES } from "../../support/pod-spec";
import { isSet } from "../../values";

export const k8sResourceRequestsLimits: ResourceRule = {
  scope: "resource",
  name: "k8s-resource-requests-limits",
  area: "kubernetes",
  description: "Every container requests CPU and memory and has a memory limit (the scheduler, the autoscaler and the OOM killer depend on them; CPU limits are left out on purpose to avoid throttling).",
  severity: "medium",
  checkov: ["CKV_K8S_10", "CKV_K8S_12", "CKV_K8S_13"],
  enforcement: LEVELS.production,
  resourceTypes: WORKLOAD_TYPES,
  remediation: "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on each container (from observed usage).",
  evaluate(workload) {
    const pod = podSpecOf(workload);
    if (!pod) return "not-applicable";
    return containersOf(pod).flatMap((c) => {
      const missing = ["requests.cpu", "requests.memory", "limits.memory"].filter((p) => !isSet(c.spec, `resources.${p}`));
      return missing.length === 0 ? [] : [violation(`${label(workload)} container "${c.name}" has no resources.${missing.join(", resources.")}: set requests from observed usage and a memory limit`)];
    });
  },
};
