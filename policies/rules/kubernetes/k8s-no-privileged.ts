import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { containersOf, podSpecOf, WORKLOAD_TYPES } from "../../support/pod-spec";
import { bool, knownStrings } from "../../values";

const DANGEROUS_CAPABILITIES = ["ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE"];

export const k8sNoPrivileged: ResourceRule = {
  scope: "resource",
  name: "k8s-no-privileged",
  area: "kubernetes",
  description: "No container is privileged, may escalate privileges, or adds kernel capabilities such as SYS_ADMIN.",
  severity: "high",
  checkov: ["CKV_K8S_16", "CKV_K8S_20", "CKV_K8S_39"],
  enforcement: LEVELS.everywhere,
  resourceTypes: WORKLOAD_TYPES,
  remediation: "Remove privileged and added capabilities; set securityContext.allowPrivilegeEscalation: false and capabilities.drop: [\"ALL\"].",
  evaluate(workload) {
    const pod = podSpecOf(workload);
    if (!pod) return "not-applicable";
    return containersOf(pod).flatMap((c) => {
      const problems: string[] = [];
      if (bool(c.spec, "securityContext.privileged") === true) problems.push("is privileged (full access to the node)");
      if (bool(c.spec, "securityContext.allowPrivilegeEscalation") === true) problems.push("allows privilege escalation");
      const added = (knownStrings(c.spec, "securityContext.capabilities.add") ?? []).filter((cap) => DANGEROUS_CAPABILITIES.includes(cap.toUpperCase().replace(/^CAP_/, "")));
      if (added.length > 0) problems.push(`adds the ${added.join(", ")} capabilit${added.length === 1 ? "y" : "ies"}`);
      return problems.length === 0 ? [] : [violation(`${label(workload)} container "${c.name}" ${problems.join(", ")}: remove them and set allowPrivilegeEscalation: false`)];
    });
  },
};
