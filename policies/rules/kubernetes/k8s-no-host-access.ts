import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { podSpecOf, WORKLOAD_TYPES } from "../../support/pod-spec";
import { bool, list, peek } from "../../values";

export const k8sNoHostAccess: ResourceRule = {
  scope: "resource",
  name: "k8s-no-host-access",
  area: "kubernetes",
  description: "Pods do not mount hostPath volumes or share the node's PID, IPC or network namespace.",
  severity: "high",
  checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"],
  enforcement: LEVELS.everywhere,
  resourceTypes: WORKLOAD_TYPES,
  remediation: "Use emptyDir, a PersistentVolumeClaim or a projected volume instead of hostPath; drop hostPID/hostIPC/hostNetwork.",
  evaluate(workload) {
    const pod = podSpecOf(workload);
    if (!pod) return "not-applicable";
    const problems: string[] = [];
    for (const ns of ["hostPID", "hostIPC", "hostNetwork"]) {
      if (bool(pod, ns) === true) problems.push(`${ns}: true`);
    }
    (list(pod, "volumes") ?? []).forEach((volume) => {
      const hostPath = peek(volume, "hostPath");
      if (hostPath !== undefined) {
        const path = peek(hostPath, "path");
        const name = peek(volume, "name");
        problems.push(`hostPath volume "${typeof name === "string" ? name : "?"}"${typeof path === "string" ? ` (${path})` : ""}`);
      }
    });
    if (problems.length === 0) return [];
    return [violation(`${label(workload)} reaches into the node (${problems.join(", ")}): use emptyDir or a PersistentVolumeClaim and keep the pod in its own namespaces`)];
  },
};
