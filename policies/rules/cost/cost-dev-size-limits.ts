import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { INSTANCE_TYPE_FIELDS, instanceTypesOf, maximumNodes } from "../../support/instance-fields";
import { parseInstanceType, sizeRank } from "../../support/instance-types";
import { TYPES } from "../../knowledge/type-tokens";
import { smallestValidBrokerCount } from "../../../components/kafka-cluster/broker-layout";
import { PolicyResource } from "../../model";
import { bool, isUnknown, num, peek } from "../../values";

/** The most a dev stack should need; beyond it a dev environment costs like production. */
export const DEV_LIMITS = {
  largestInstanceSize: "2xlarge",
  maxNodesPerGroup: 6,
  maxStorageGiB: 200,
  maxBrokers: 3,
  maxCacheNodes: 2,
} as const;

export const costDevSizeLimits: ResourceRule = {
  scope: "resource",
  name: "cost-dev-size-limits",
  area: "cost",
  description: `Dev resources stay small: instances up to ${DEV_LIMITS.largestInstanceSize}, node groups up to ${DEV_LIMITS.maxNodesPerGroup} nodes, storage up to ${DEV_LIMITS.maxStorageGiB} GiB, ${DEV_LIMITS.maxBrokers} brokers, ${DEV_LIMITS.maxCacheNodes} cache nodes, no Multi-AZ databases.`,
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.devAdvisory,
  resourceTypes: [...new Set([...Object.keys(INSTANCE_TYPE_FIELDS), TYPES.ebsVolume])],
  remediation: "Size dev for functional tests: smaller instances, fewer nodes and brokers, single-AZ databases.",
  evaluate(resource) {
    const problems: string[] = [];
    for (const text of instanceTypesOf(resource)) {
      const type = parseInstanceType(text);
      if (type && sizeRank(type.size) > sizeRank(DEV_LIMITS.largestInstanceSize)) problems.push(`${text} is larger than ${DEV_LIMITS.largestInstanceSize}`);
    }
    const nodes = maximumNodes(resource);
    if (nodes !== undefined && nodes > DEV_LIMITS.maxNodesPerGroup) problems.push(`it scales to ${nodes} nodes (limit ${DEV_LIMITS.maxNodesPerGroup})`);
    const storage = resource.type === TYPES.ebsVolume ? num(resource.props, "size") : resource.type === TYPES.rdsInstance ? num(resource.props, "maxAllocatedStorage") ?? num(resource.props, "allocatedStorage") : undefined;
    if (storage !== undefined && storage > DEV_LIMITS.maxStorageGiB) problems.push(`it provisions ${storage} GiB of storage (limit ${DEV_LIMITS.maxStorageGiB})`);
    if (resource.type === TYPES.mskCluster) {
      const brokers = num(resource.props, "numberOfBrokerNodes");
      const limit = devBrokerLimit(resource);
      if (brokers !== undefined && brokers > limit.brokers) problems.push(`it runs ${brokers} brokers (limit ${limit.brokers}${limit.zones ? ` over ${limit.zones} zones` : ""})`);
    }
    if (resource.type === TYPES.cacheReplicationGroup) {
      const nodes = num(resource.props, "numCacheClusters");
      if (nodes !== undefined && nodes > DEV_LIMITS.maxCacheNodes) problems.push(`it runs ${nodes} cache nodes (limit ${DEV_LIMITS.maxCacheNodes})`);
    }
    if (resource.type === TYPES.rdsInstance && bool(resource.props, "multiAz") === true) problems.push("it pays for a Multi-AZ standby");
    if (problems.length === 0) return [];
    return [violation(`${label(resource)} is sized like production in a dev stack: ${problems.join("; ")}: shrink it for dev`)];
  },
};

/**
 * MSK spreads brokers evenly over its client-subnet zones, so over two zones the smallest layout holding
 * three replicas is four brokers: the dev limit is the smallest even layout of at least maxBrokers.
 */
function devBrokerLimit(cluster: PolicyResource): { brokers: number; zones?: number } {
  const subnets = peek(cluster.props, "brokerNodeGroupInfo.clientSubnets");
  if (!Array.isArray(subnets) || isUnknown(subnets) || subnets.length < 2) return { brokers: DEV_LIMITS.maxBrokers };
  return { brokers: smallestValidBrokerCount(subnets.length, DEV_LIMITS.maxBrokers), zones: subnets.length };
}
