import type { Clock } from "../../clock";
import type { ClusterApi, DeploymentFreeze, StackUpdater } from "../failover/ports";
import type { StackPlanner } from "./drill-impact";

/** The nodes of one EKS managed node group (Kubernetes label `eks.amazonaws.com/nodegroup`). */
export interface NodeGroupNodes {
  /** The EKS node group name, e.g. `icna-dr-blue-workload-20261129…` (Pulumi adds a suffix to the prefix). */
  readonly nodeGroup: string;
  /** Nodes whose `Ready` condition is `True`. */
  readonly ready: number;
  readonly total: number;
}

export interface NodeReadinessApi {
  /** The cluster's nodes grouped by managed node group, as the Kubernetes API lists them. */
  nodeGroups(region: string, cluster: string): Promise<NodeGroupNodes[]>;
}

/** Everything the drill's steps call. */
export interface DrillPorts {
  readonly clusters: ClusterApi;
  readonly nodes: NodeReadinessApi;
  readonly stacks: StackUpdater;
  /** A frozen DR stack means a failover or failback owns it: the drill refuses. */
  readonly freeze: DeploymentFreeze;
  readonly planner: StackPlanner;
  readonly clock: Clock;
}
