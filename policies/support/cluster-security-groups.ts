import { ResourceGraph } from "../graph";
import { PolicyResource } from "../model";
import { isSecret, isUnknown, peek } from "../values";
import { EKS_CLUSTER_TYPES } from "./eks";
import { TYPES } from "../knowledge/type-tokens";

/**
 * What counts as "the clusters' security groups": the EKS cluster resources themselves (an input
 * such as `cluster.nodeSecurityGroupId` traces back to the eks.Cluster component), security groups
 * the clusters, node groups and node launch templates use, security groups created inside an
 * eks.Cluster component, and the known ids of all of these.
 */
export interface ClusterSecurityGroups {
  readonly resources: ReadonlySet<PolicyResource>;
  readonly ids: ReadonlySet<string>;
}

const SECURITY_GROUP_INPUTS: readonly { type: string; property: string; valuePath?: string }[] = [
  { type: TYPES.eksCluster, property: "clusterSecurityGroup" },
  { type: TYPES.awsEksCluster, property: "vpcConfig", valuePath: "vpcConfig.securityGroupIds" },
  { type: TYPES.launchTemplate, property: "vpcSecurityGroupIds" },
];

const KNOWN_ID_OUTPUTS = ["clusterSecurityGroupId", "nodeSecurityGroupId", "vpcConfig.clusterSecurityGroupId"];

export function clusterSecurityGroups(graph: ResourceGraph): ClusterSecurityGroups {
  const resources = new Set<PolicyResource>(graph.ofType(...EKS_CLUSTER_TYPES));
  const ids = new Set<string>();
  for (const { type, property, valuePath } of SECURITY_GROUP_INPUTS) {
    for (const owner of graph.ofType(type)) {
      graph.references(owner, property, { types: [TYPES.securityGroup], valuePath, viaDependencies: true }).resources.forEach((sg) => resources.add(sg));
    }
  }
  for (const sg of graph.ofType(TYPES.securityGroup)) {
    if (graph.hasAncestorOfType(sg, [TYPES.eksCluster])) resources.add(sg);
  }
  for (const cluster of graph.ofType(...EKS_CLUSTER_TYPES)) {
    for (const path of KNOWN_ID_OUTPUTS) {
      const id = peek(cluster.props, path);
      if (typeof id === "string" && !isUnknown(id) && !isSecret(id) && id !== "") ids.add(id);
    }
  }
  for (const sg of resources) {
    const id = sg.props.id;
    if (typeof id === "string" && !isUnknown(id)) ids.add(id);
  }
  return { resources, ids };
}
