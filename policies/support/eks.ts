import { PolicyResource } from "../model";
import { bool, knownStrings, peek, str } from "../values";
import { TYPES } from "../knowledge/type-tokens";

/** Cluster resources as the offline review sees them (the @pulumi/eks component) and as the engine sees them (its AWS child). */
export const EKS_CLUSTER_TYPES = [TYPES.eksCluster, TYPES.awsEksCluster] as const;
export const EKS_NODE_GROUP_TYPES = [TYPES.eksManagedNodeGroup, TYPES.awsEksNodeGroup] as const;

const isComponent = (cluster: PolicyResource) => cluster.type === TYPES.eksCluster;

/** Control-plane log types enabled on the cluster. */
export function clusterLogTypes(cluster: PolicyResource): string[] {
  return knownStrings(cluster.props, "enabledClusterLogTypes") ?? [];
}

export interface EndpointAccess {
  readonly publicAccess: boolean;
  readonly privateAccess: boolean;
  /** CIDRs allowed to reach the public endpoint; AWS's default is 0.0.0.0/0. */
  readonly publicCidrs: string[];
  readonly cidrsDefaulted: boolean;
}

/** API endpoint settings with AWS's defaults applied (public on, private off, open to 0.0.0.0/0). */
export function endpointAccess(cluster: PolicyResource): EndpointAccess {
  const base = isComponent(cluster) ? "" : "vpcConfig.";
  const publicAccess = bool(cluster.props, `${base}endpointPublicAccess`) ?? true;
  const privateAccess = bool(cluster.props, `${base}endpointPrivateAccess`) ?? false;
  const cidrs = publicAccess ? knownStrings(cluster.props, `${base}publicAccessCidrs`) : [];
  const cidrsDefaulted = cidrs === undefined || cidrs.length === 0;
  return { publicAccess, privateAccess, publicCidrs: cidrsDefaulted ? ["0.0.0.0/0"] : cidrs, cidrsDefaulted };
}

/** Whether Kubernetes secrets are envelope-encrypted with a KMS key (an unknown key ARN counts: it is a key being created). */
export function secretsEncrypted(cluster: PolicyResource): boolean {
  if (isComponent(cluster)) {
    const key = peek(cluster.props, "encryptionConfigKeyArn");
    return key !== undefined && key !== "";
  }
  const config = peek(cluster.props, "encryptionConfig");
  if (config === undefined) return false;
  const resources = knownStrings(cluster.props, "encryptionConfig.resources") ?? [];
  const key = peek(cluster.props, "encryptionConfig.provider.keyArn");
  return resources.includes("secrets") && key !== undefined && key !== "";
}

/** The requested Kubernetes version; undefined means the newest EKS offers. */
export function clusterVersion(cluster: PolicyResource): string | undefined {
  return str(cluster.props, "version");
}
