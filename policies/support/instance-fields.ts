import { PolicyResource } from "../model";
import { bool, isSet, knownStrings, num, peek, str } from "../values";
import { TYPES } from "../knowledge/type-tokens";

/** Where each type names its instance type(s). */
export const INSTANCE_TYPE_FIELDS: Readonly<Record<string, { path: string; list: boolean }>> = {
  [TYPES.eksManagedNodeGroup]: { path: "instanceTypes", list: true },
  [TYPES.awsEksNodeGroup]: { path: "instanceTypes", list: true },
  [TYPES.eksCluster]: { path: "instanceType", list: false },
  [TYPES.launchTemplate]: { path: "instanceType", list: false },
  [TYPES.rdsInstance]: { path: "instanceClass", list: false },
  [TYPES.rdsClusterInstance]: { path: "instanceClass", list: false },
  [TYPES.rdsCluster]: { path: "dbClusterInstanceClass", list: false },
  [TYPES.cacheReplicationGroup]: { path: "nodeType", list: false },
  [TYPES.cacheCluster]: { path: "nodeType", list: false },
  [TYPES.mskCluster]: { path: "brokerNodeGroupInfo.instanceType", list: false },
};

/** The instance types a resource runs (an eks.Cluster only when it keeps its default node group). */
export function instanceTypesOf(resource: PolicyResource): string[] {
  const field = INSTANCE_TYPE_FIELDS[resource.type];
  if (!field) return [];
  if (resource.type === TYPES.eksCluster && (bool(resource.props, "skipDefaultNodeGroup") === true || isSet(resource.props, "fargate"))) return [];
  if (field.list) return knownStrings(resource.props, field.path) ?? [];
  const value = str(resource.props, field.path);
  return value ? [value] : [];
}

/** How many nodes a node group may scale to (maxSize), when known. */
export function maximumNodes(resource: PolicyResource): number | undefined {
  if (resource.type === TYPES.eksManagedNodeGroup || resource.type === TYPES.awsEksNodeGroup) return num(resource.props, "scalingConfig.maxSize");
  if (resource.type === TYPES.eksCluster) return peek(resource.props, "skipDefaultNodeGroup") === true ? undefined : num(resource.props, "maxSize");
  return undefined;
}
