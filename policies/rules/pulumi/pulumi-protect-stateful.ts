import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { TYPES } from "../../support/types";
import { UndecidableError } from "../../values";

/**
 * Resources whose replacement or deletion loses data. KMS keys are left out: AWS holds a deleted key
 * for a 7–30 day window in which deletion can be cancelled, and per-cluster keys must be replaceable
 * with their blue/green cluster.
 */
export const STATEFUL_TYPES = [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.cacheReplicationGroup, TYPES.mskCluster, TYPES.s3Bucket, TYPES.s3BucketV2, TYPES.dynamodbTable];

export const pulumiProtectStateful: ResourceRule = {
  scope: "resource",
  name: "pulumi-protect-stateful",
  area: "pulumi",
  description: "In prod and dr, stateful resources (databases, caches, brokers, buckets, tables) carry Pulumi's `protect` option, so no update or destroy can delete them.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.productionOnly,
  resourceTypes: STATEFUL_TYPES,
  remediation: "Pass { protect: true } in the resource options (a component passes it to its children); unprotect explicitly before a planned removal.",
  evaluate(resource) {
    if (resource.protect === undefined) throw new UndecidableError(`the protect option of ${label(resource)}`);
    if (resource.protect) return [];
    return [violation(`${label(resource)} is not protected, so a replacement or \`pulumi destroy\` deletes its data: add { protect: true } to its resource options`)];
  },
};
