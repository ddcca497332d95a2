import { ResourceGraph } from "../../graph";
import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, perItem, StackRule, violation } from "../../rule";
import { EKS_NODE_GROUP_TYPES } from "../../support/eks";
import { TYPES } from "../../knowledge/type-tokens";
import { isSet, list, str, UndecidableError } from "../../values";

/** The component's AWS child carries the same settings with real values; check the child when it exists. */
function hasAwsChild(graph: ResourceGraph, group: PolicyResource): boolean {
  return group.type === TYPES.eksManagedNodeGroup && graph.ofType(TYPES.awsEksNodeGroup).some((child) => child.parent === group.urn);
}

/** The resource whose subnet list the group uses: its own subnetIds, or (eks.ManagedNodeGroup) its cluster's. */
function subnetSource(graph: ResourceGraph, group: PolicyResource): { owner: PolicyResource; property: string } | undefined {
  if (isSet(group.props, "subnetIds")) return { owner: group, property: "subnetIds" };
  if (group.type !== TYPES.eksManagedNodeGroup) return undefined;
  const clusterRef = str(group.props, "cluster");
  const cluster = graph.byUrn(clusterRef);
  if (!cluster) return undefined;
  for (const property of ["nodeSubnetIds", "privateSubnetIds", "subnetIds"]) {
    if (isSet(cluster.props, property)) return { owner: cluster, property };
  }
  return undefined;
}

function checkGroup(graph: ResourceGraph, group: PolicyResource): Finding[] {
  if (isSet(group.props, "placementGroupAvailabilityZone")) {
    return [violation(`${label(group)} pins its nodes to one availability zone (placementGroupAvailabilityZone): drop the placement group or run a second group in another zone`, group)];
  }
  const source = subnetSource(graph, group);
  if (!source) throw new UndecidableError(`subnets of ${label(group)}`);
  const entries = list(source.owner.props, source.property) ?? [];
  if (entries.length < 2) {
    return [violation(`${label(group)} runs in ${entries.length} subnet${entries.length === 1 ? "" : "s"}, so all its nodes share one availability zone: give it private subnets in at least two zones`, group)];
  }
  const refs = graph.references(source.owner, source.property, { types: [TYPES.subnet], viaDependencies: true });
  const zones = new Set<string>();
  for (const subnet of refs.resources) {
    const zone = str(subnet.props, "availabilityZone") ?? str(subnet.props, "availabilityZoneId");
    if (zone) zones.add(zone);
  }
  if (zones.size >= 2) return [];
  const complete = refs.unresolved === 0 && refs.external.length === 0 && refs.resources.length === entries.length;
  if (!complete) throw new UndecidableError(`availability zones of the subnets of ${label(group)}`);
  return [violation(`${label(group)} spans only ${zones.size === 1 ? `the zone ${[...zones][0]}` : "one zone"}: give it subnets in at least two availability zones`, group)];
}

export const eksNodeGroupsMultiAz: StackRule = {
  scope: "stack",
  name: "eks-node-groups-multi-az",
  area: "eks",
  description: "Every EKS node group spans at least two availability zones, so losing a zone leaves nodes running.",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [...EKS_NODE_GROUP_TYPES, TYPES.eksCluster, TYPES.subnet],
  remediation: "Pass the private subnets of every availability zone as the node group's subnetIds.",
  evaluate(_resources, ctx) {
    const groups = ctx.graph.ofType(...EKS_NODE_GROUP_TYPES).filter((g) => !hasAwsChild(ctx.graph, g));
    if (groups.length === 0) return "not-applicable";
    return perItem(groups, (g) => g, (g) => checkGroup(ctx.graph, g));
  },
};
