import type * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";

/**
 * What other components need of one EKS cluster. `EksCluster` is one: pass it (or the fields a
 * component picks from this type), as pulumi-eks passes its `Cluster` to `ManagedNodeGroup`, instead
 * of restating the cluster's outputs in each component's arguments.
 */
export interface ClusterHandle {
  /** EKS cluster name. */
  readonly clusterName: pulumi.Input<string>;
  /** The EKS-managed cluster security group: managed nodes and pods use it, so the data stores admit it. */
  readonly clusterSecurityGroupId: pulumi.Input<string>;
  /** The cluster's IAM OIDC provider, which IRSA roles trust. */
  readonly oidcProviderArn: pulumi.Input<string>;
  /** Its issuer URL, with or without `https://`. */
  readonly oidcProviderUrl: pulumi.Input<string>;
  /** The managed node groups' IAM role. */
  readonly nodeRoleArn: pulumi.Input<string>;
  readonly nodeRoleName: pulumi.Input<string>;
  /** The only Kubernetes provider for this cluster: every in-cluster resource must use it. */
  readonly provider: k8s.Provider;
}
