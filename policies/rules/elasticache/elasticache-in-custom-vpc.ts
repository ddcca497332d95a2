import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CACHE_TYPES, isReplicationGroupMember } from "../../support/elasticache";
import { isSet } from "../../values";

export const elasticacheInCustomVpc: ResourceRule = {
  scope: "resource",
  name: "elasticache-in-custom-vpc",
  area: "elasticache",
  description: "ElastiCache runs in the platform VPC's isolated subnets, not the account's default VPC.",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.everywhere,
  resourceTypes: CACHE_TYPES,
  remediation: "Create an aws.elasticache.SubnetGroup of the isolated subnets and pass its name as subnetGroupName.",
  evaluate(cache) {
    if (isReplicationGroupMember(cache)) return "not-applicable";
    if (isSet(cache.props, "subnetGroupName")) return [];
    return [violation(`${label(cache)} has no subnetGroupName, so ElastiCache places it in the account's default VPC: set subnetGroupName to a subnet group of the isolated subnets`)];
  },
};
