import { isUnder } from "./property-paths";

/**
 * Inputs whose change makes the provider replace the resource (ForceNew in the AWS provider schema,
 * immutable fields in Kubernetes). Only the offline plan difference needs this table: a real preview
 * reports replace reasons itself. It lists what the platform's stateful resources use; a change to an
 * input not listed is reviewed as an update (and the real preview has the last word).
 */
export const REPLACEMENT_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  "aws:rds/instance:Instance": ["identifier", "engine", "storageEncrypted", "kmsKeyId", "username", "dbName", "availabilityZone", "characterSetName", "timezone"],
  "aws:rds/cluster:Cluster": ["clusterIdentifier", "engine", "storageEncrypted", "kmsKeyId", "masterUsername", "databaseName", "availabilityZones"],
  "aws:rds/clusterInstance:ClusterInstance": ["identifier", "clusterIdentifier", "engine", "availabilityZone"],
  "aws:elasticache/replicationGroup:ReplicationGroup": ["replicationGroupId", "atRestEncryptionEnabled", "subnetGroupName", "engine"],
  "aws:elasticache/cluster:Cluster": ["clusterId", "engine", "subnetGroupName", "availabilityZone"],
  "aws:msk/cluster:Cluster": ["clusterName", "brokerNodeGroupInfo.clientSubnets", "encryptionInfo.encryptionAtRestKmsKeyArn"],
  "aws:ebs/volume:Volume": ["availabilityZone", "encrypted", "kmsKeyId", "snapshotId"],
  "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix"],
  "aws:s3/bucketV2:BucketV2": ["bucket", "bucketPrefix"],
  "aws:eks/cluster:Cluster": ["name", "encryptionConfig", "kubernetesNetworkConfig.serviceIpv4Cidr", "outpostConfig"],
  "aws:eks/nodeGroup:NodeGroup": ["clusterName", "nodeGroupName", "nodeRoleArn", "subnetIds", "amiType", "capacityType", "instanceTypes", "diskSize"],
  "eks:index:ManagedNodeGroup": ["clusterName", "nodeGroupName", "nodeRoleArn", "subnetIds", "amiType", "capacityType", "instanceTypes", "diskSize"],
  "aws:kms/key:Key": ["customerMasterKeySpec", "keySpec", "keyUsage", "multiRegion"],
  "aws:ec2/securityGroup:SecurityGroup": ["name", "namePrefix", "vpcId", "description"],
  "aws:iam/role:Role": ["name", "namePrefix"],
  "kubernetes:core/v1:PersistentVolumeClaim": ["spec.storageClassName", "spec.accessModes", "metadata.name", "metadata.namespace"],
  "kubernetes:apps/v1:StatefulSet": ["spec.selector", "spec.volumeClaimTemplates", "spec.serviceName", "metadata.name", "metadata.namespace"],
  "kubernetes:core/v1:Namespace": ["metadata.name"],
  "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition": ["metadata.name"],
};

/** The changed paths that force a replacement of a resource of this type. */
export function replacementReasons(type: string, changedPaths: readonly string[]): string[] {
  const triggers = REPLACEMENT_TRIGGERS[type] ?? [];
  return changedPaths.filter((path) => triggers.some((trigger) => isUnder(path, trigger)));
}
