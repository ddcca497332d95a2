import { isUnder } from "../../review/changes/property-paths";
import { TYPES } from "./type-tokens";

/**
 * Inputs whose change makes the provider replace the resource (ForceNew in the AWS provider schema,
 * immutable fields in Kubernetes). Only the offline plan difference needs this table: a real preview
 * reports replace reasons itself. It lists what the platform's stateful resources use; a change to an
 * input not listed is reviewed as an update (and the real preview has the last word).
 */
export const REPLACEMENT_TRIGGERS: Readonly<Record<string, readonly string[]>> = {
  [TYPES.rdsInstance]: ["identifier", "engine", "storageEncrypted", "kmsKeyId", "username", "dbName", "availabilityZone", "characterSetName", "timezone"],
  [TYPES.rdsCluster]: ["clusterIdentifier", "engine", "storageEncrypted", "kmsKeyId", "masterUsername", "databaseName", "availabilityZones"],
  [TYPES.rdsClusterInstance]: ["identifier", "clusterIdentifier", "engine", "availabilityZone"],
  [TYPES.cacheReplicationGroup]: ["replicationGroupId", "atRestEncryptionEnabled", "subnetGroupName", "engine"],
  [TYPES.cacheCluster]: ["clusterId", "engine", "subnetGroupName", "availabilityZone"],
  [TYPES.mskCluster]: ["clusterName", "brokerNodeGroupInfo.clientSubnets", "encryptionInfo.encryptionAtRestKmsKeyArn"],
  [TYPES.ebsVolume]: ["availabilityZone", "encrypted", "kmsKeyId", "snapshotId"],
  [TYPES.s3Bucket]: ["bucket", "bucketPrefix"],
  [TYPES.s3BucketV2]: ["bucket", "bucketPrefix"],
  [TYPES.awsEksCluster]: ["name", "encryptionConfig", "kubernetesNetworkConfig.serviceIpv4Cidr", "outpostConfig"],
  [TYPES.awsEksNodeGroup]: ["clusterName", "nodeGroupName", "nodeRoleArn", "subnetIds", "amiType", "capacityType", "instanceTypes", "diskSize"],
  [TYPES.eksManagedNodeGroup]: ["clusterName", "nodeGroupName", "nodeRoleArn", "subnetIds", "amiType", "capacityType", "instanceTypes", "diskSize"],
  [TYPES.kmsKey]: ["customerMasterKeySpec", "keySpec", "keyUsage", "multiRegion"],
  [TYPES.securityGroup]: ["name", "namePrefix", "vpcId", "description"],
  [TYPES.iamRole]: ["name", "namePrefix"],
  [TYPES.k8sPersistentVolumeClaim]: ["spec.storageClassName", "spec.accessModes", "metadata.name", "metadata.namespace"],
  [TYPES.k8sStatefulSet]: ["spec.selector", "spec.volumeClaimTemplates", "spec.serviceName", "metadata.name", "metadata.namespace"],
  [TYPES.k8sNamespace]: ["metadata.name"],
  [TYPES.dynamodbTable]: ["name"],
  [TYPES.efsFileSystem]: ["creationToken", "encrypted", "kmsKeyId", "availabilityZoneName"],
  [TYPES.ecrRepository]: ["name"],
  [TYPES.route53Zone]: ["name"],
  [TYPES.sqsQueue]: ["name", "namePrefix", "fifoQueue"],
  [TYPES.logGroup]: ["name", "namePrefix"],
  [TYPES.secret]: ["name", "namePrefix"],
  [TYPES.k8sCustomResourceDefinition]: ["metadata.name"],
};

/** The changed paths that force a replacement of a resource of this type. */
export function replacementReasons(type: string, changedPaths: readonly string[]): string[] {
  const triggers = REPLACEMENT_TRIGGERS[type] ?? [];
  return changedPaths.filter((path) => triggers.some((trigger) => isUnder(path, trigger)));
}
