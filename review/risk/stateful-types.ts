import { PlanValue } from "../plan/model";

/** A resource type that holds data (or everything under it), and what is lost when it goes. */
export interface StatefulKind {
  /** How people call it, e.g. "PostgreSQL database (RDS)". */
  readonly label: string;
  /** What is lost: "its data", "every object in it". */
  readonly loses: string;
  /** True when the type supports a final snapshot on delete (RDS, Aurora, ElastiCache). */
  readonly finalSnapshot?: boolean;
  /** Only stateful when this holds of its inputs (S3: only with forceDestroy, else AWS refuses to delete a non-empty bucket). */
  readonly when?: (inputs: Readonly<Record<string, PlanValue>>) => boolean;
}

const forceDestroy = (inputs: Readonly<Record<string, PlanValue>>) => inputs.forceDestroy === true;

/** The stateful types of the platform; the key is the Pulumi type token. */
export const STATEFUL_TYPES: Readonly<Record<string, StatefulKind>> = {
  "aws:rds/instance:Instance": { label: "RDS database instance", loses: "its data", finalSnapshot: true },
  "aws:rds/cluster:Cluster": { label: "Aurora cluster", loses: "its data", finalSnapshot: true },
  "aws:elasticache/replicationGroup:ReplicationGroup": { label: "ElastiCache replication group", loses: "its cached and persisted data", finalSnapshot: true },
  "aws:elasticache/cluster:Cluster": { label: "ElastiCache cluster", loses: "its data", finalSnapshot: true },
  "aws:elasticache/serverlessCache:ServerlessCache": { label: "ElastiCache serverless cache", loses: "its data", finalSnapshot: true },
  "aws:msk/cluster:Cluster": { label: "MSK Kafka cluster", loses: "every topic and message" },
  "aws:msk/serverlessCluster:ServerlessCluster": { label: "MSK Serverless cluster", loses: "every topic and message" },
  "aws:ebs/volume:Volume": { label: "EBS volume", loses: "its data" },
  "aws:s3/bucket:Bucket": { label: "S3 bucket with forceDestroy", loses: "every object in it", when: forceDestroy },
  "aws:s3/bucketV2:BucketV2": { label: "S3 bucket with forceDestroy", loses: "every object in it", when: forceDestroy },
  "aws:kms/key:Key": { label: "KMS key", loses: "access to everything encrypted with it once the deletion window ends" },
  "aws:dynamodb/table:Table": { label: "DynamoDB table", loses: "its items" },
  "aws:efs/fileSystem:FileSystem": { label: "EFS file system", loses: "its files" },
  "aws:eks/cluster:Cluster": { label: "EKS cluster", loses: "every workload, volume attachment and in-cluster state" },
  "eks:index:Cluster": { label: "EKS cluster", loses: "every workload, volume attachment and in-cluster state" },
  "aws:eks/nodeGroup:NodeGroup": { label: "EKS node group", loses: "its nodes, their local volumes and the pods on them" },
  "eks:index:ManagedNodeGroup": { label: "EKS node group", loses: "its nodes, their local volumes and the pods on them" },
  "eks:index:NodeGroupV2": { label: "EKS node group", loses: "its nodes, their local volumes and the pods on them" },
  "kubernetes:core/v1:PersistentVolumeClaim": { label: "PersistentVolumeClaim", loses: "its volume (with a Delete reclaim policy)" },
  "kubernetes:apps/v1:StatefulSet": { label: "StatefulSet", loses: "its pods and, with a Delete retention policy, their volumes" },
  "kubernetes:core/v1:Namespace": { label: "Kubernetes namespace", loses: "everything inside it" },
  "kubernetes:apiextensions.k8s.io/v1:CustomResourceDefinition": { label: "CustomResourceDefinition", loses: "every custom resource of that kind" },
};

/** The stateful kind of a resource, considering the inputs it had (old) or will have (new). */
export function statefulKind(type: string, ...inputs: (Readonly<Record<string, PlanValue>> | undefined)[]): StatefulKind | undefined {
  const kind = STATEFUL_TYPES[type];
  if (!kind) return undefined;
  if (kind.when && !inputs.some((i) => i !== undefined && kind.when!(i))) return undefined;
  return kind;
}
