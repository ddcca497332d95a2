/** Every EKS control-plane log type; all are enabled on every cluster. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/**
 * The log group EKS writes control-plane logs to (fixed by EKS). When it does not exist, EKS creates
 * it unencrypted and never expiring, so EksCluster creates it first.
 */
export function controlPlaneLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}
