import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { PRIMARY_DATA_TYPES } from "../../knowledge/stateful-types";
import { UndecidableError } from "../../values";

export const pulumiProtectStateful: ResourceRule = {
  scope: "resource",
  name: "pulumi-protect-stateful",
  area: "pulumi",
  description: "In prod and dr, primary data stores (databases, caches, brokers, buckets, tables, file systems) carry Pulumi's `protect` option, so no update or destroy can delete them.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: PRIMARY_DATA_TYPES,
  remediation: "Pass { protect: true } in the resource options (a component passes it to its children); unprotect explicitly before a planned removal.",
  evaluate(resource) {
    if (resource.protect === undefined) throw new UndecidableError(`the protect option of ${label(resource)}`);
    if (resource.protect) return [];
    return [violation(`${label(resource)} is not protected, so a replacement or \`pulumi destroy\` deletes its data: add { protect: true } to its resource options`)];
  },
};
