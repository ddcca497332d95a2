import { PolicyResource } from "../model";
import { list, peek, Props, record } from "../values";
import { TYPES } from "../knowledge/type-tokens";

/** Where the pod template sits in each workload kind. */
const POD_SPEC_PATH: Readonly<Record<string, string>> = {
  [TYPES.k8sDeployment]: "spec.template.spec",
  [TYPES.k8sStatefulSet]: "spec.template.spec",
  [TYPES.k8sDaemonSet]: "spec.template.spec",
  [TYPES.k8sReplicaSet]: "spec.template.spec",
  [TYPES.k8sJob]: "spec.template.spec",
  [TYPES.k8sCronJob]: "spec.jobTemplate.spec.template.spec",
  [TYPES.k8sPod]: "spec",
};

/** Kubernetes resources that run pods. */
export const WORKLOAD_TYPES = Object.keys(POD_SPEC_PATH);

/** The pod spec of a workload; undefined when the resource carries none. */
export function podSpecOf(resource: PolicyResource): Props | undefined {
  const path = POD_SPEC_PATH[resource.type];
  return path ? record(resource.props, path) : undefined;
}

/** Labels of the pods a workload creates. */
export function podLabelsOf(resource: PolicyResource): Props | undefined {
  if (resource.type === TYPES.k8sPod) return record(resource.props, "metadata.labels");
  const path = POD_SPEC_PATH[resource.type];
  return path ? record(resource.props, path.replace(/spec$/, "metadata.labels")) : undefined;
}

export interface Container {
  readonly name: string;
  /** `containers[0]`, `initContainers[1]`… */
  readonly where: string;
  readonly spec: Props;
}

/** Every container of a pod spec (init containers included). */
export function containersOf(podSpec: Props): Container[] {
  const result: Container[] = [];
  for (const key of ["initContainers", "containers"]) {
    const items = list(podSpec, key) ?? [];
    items.forEach((item, i) => {
      const spec = (item ?? {}) as Props;
      const name = peek(spec, "name");
      result.push({ name: typeof name === "string" ? name : `#${i}`, where: `${key}[${i}]`, spec });
    });
  }
  return result;
}

/** Namespace of a namespaced Kubernetes resource ("default" when unset). */
export function namespaceOf(resource: PolicyResource): string | "unknown" {
  const value = peek(resource.props, "metadata.namespace");
  if (value === undefined || value === "") return "default";
  return typeof value === "string" && value !== "[unknown]" ? value : "unknown";
}
