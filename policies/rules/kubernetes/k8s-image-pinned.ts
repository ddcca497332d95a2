import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { parseImage } from "../../support/images";
import { containersOf, podSpecOf, WORKLOAD_TYPES } from "../../support/pod-spec";
import { str } from "../../values";

export const k8sImagePinned: ResourceRule = {
  scope: "resource",
  name: "k8s-image-pinned",
  area: "kubernetes",
  description: "Container images are pinned to a version tag or digest, never `:latest` or untagged (which silently changes what runs and defeats rollback).",
  severity: "medium",
  checkov: ["CKV_K8S_14", "CKV_K8S_43"],
  enforcement: LEVELS.production,
  resourceTypes: WORKLOAD_TYPES,
  remediation: "Reference images as repo:1.2.3 or repo@sha256:<digest>.",
  evaluate(workload) {
    const pod = podSpecOf(workload);
    if (!pod) return "not-applicable";
    return containersOf(pod).flatMap((c) => {
      const image = str(c.spec, "image");
      if (image === undefined) return [violation(`${label(workload)} container "${c.name}" has no image`)];
      const ref = parseImage(image);
      if (ref.digest) return [];
      if (ref.tag === undefined) return [violation(`${label(workload)} container "${c.name}" uses the untagged image "${image}" (pulled as :latest): pin a version tag or digest`)];
      if (ref.tag === "latest") return [violation(`${label(workload)} container "${c.name}" uses "${image}": pin a version tag or digest instead of :latest`)];
      return [];
    });
  },
};
