import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { EKS_CLUSTER_TYPES, secretsEncrypted } from "../../support/eks";
import { TYPES } from "../../knowledge/type-tokens";

export const eksSecretsEncryption: ResourceRule = {
  scope: "resource",
  name: "eks-secrets-encryption",
  area: "eks",
  description: "EKS clusters envelope-encrypt Kubernetes secrets with a KMS key.",
  severity: "high",
  checkov: ["CKV_AWS_58"],
  enforcement: LEVELS.production,
  resourceTypes: EKS_CLUSTER_TYPES,
  remediation: "Create a KMS key with rotation and pass its ARN as encryptionConfigKeyArn (eks.Cluster) or encryptionConfig { provider.keyArn, resources: [\"secrets\"] } (aws.eks.Cluster).",
  evaluate(cluster) {
    if (secretsEncrypted(cluster)) return [];
    const field = cluster.type === TYPES.eksCluster ? "set encryptionConfigKeyArn to a KMS key ARN" : 'set encryptionConfig with provider.keyArn and resources ["secrets"]';
    return [violation(`${label(cluster)} stores Kubernetes secrets without KMS envelope encryption: ${field}`)];
  },
};
