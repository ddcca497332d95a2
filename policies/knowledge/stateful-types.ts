import { TYPES } from "./type-tokens";

/** Inputs as a rule reads them (plan values or policy props). */
type Inputs = Readonly<Record<string, unknown>>;

/**
 * A resource type that holds data (or everything under it): what deleting it loses, or what fails
 * when AWS refuses to delete it. A replacement deletes the old resource too, so it loses the same.
 */
export interface StatefulKind {
  /** How people call it, e.g. "RDS database instance". */
  readonly label: string;
  /** What a delete loses, as the object of "deletes …": "its data", "every object in it". */
  readonly loses: string;
  /**
   * Set for types AWS refuses to delete while they hold data unless an input forces it (a non-empty S3
   * bucket, an ECR repository with images, a hosted zone with records): without that input the delete
   * is not a loss but a failure half-way through `pulumi up`.
   */
  readonly refusal?: { readonly forceInput: string; readonly fails: string };
  /**
   * Set when AWS keeps the deleted data for a window in which the delete can be undone (KMS keys,
   * Secrets Manager secrets): the input naming the window and what it means.
   */
  readonly recoveryWindow?: { readonly input: string; readonly text: string };
  /** The inputs that take a final snapshot on delete (RDS, Aurora, ElastiCache clusters and replication groups; serverless caches have none). */
  readonly finalSnapshot?: { readonly skipInput?: string; readonly identifierInput: string };
  /**
   * A primary data store (databases, caches, brokers, buckets, tables, file systems): prod and dr must
   * protect it (policy `pulumi-protect-stateful`). Clusters, node groups, keys and namespaces are
   * stateful but replaceable by design (blue/green), so they are not required to be protected.
   */
  readonly primaryData: boolean;
}

const RDS_SNAPSHOT = { skipInput: "skipFinalSnapshot", identifierInput: "finalSnapshotIdentifier" } as const;
const CACHE_SNAPSHOT = { identifierInput: "finalSnapshotIdentifier" } as const;
const BUCKET = {
  label: "S3 bucket",
  loses: "every object in it (and every version)",
  refusal: { forceInput: "forceDestroy", fails: "AWS refuses to delete a bucket that still holds objects, so without forceDestroy `pulumi up` fails half-way, after the steps before it have run" },
  primaryData: true,
} as const;
const BUCKET_OBJECT = { label: "S3 object", loses: "the object's content (only a versioned bucket keeps an earlier version)", primaryData: false } as const;
const EKS_CLUSTER = { label: "EKS cluster", loses: "every workload, volume attachment and in-cluster state", primaryData: false } as const;
const NODE_GROUP = { label: "EKS node group", loses: "its nodes, their local volumes and the pods on them", primaryData: false } as const;

/** Every stateful type the review and the policies know, keyed by Pulumi type token. */
export const STATEFUL_TYPES: Readonly<Record<string, StatefulKind>> = {
  [TYPES.rdsInstance]: { label: "RDS database instance", loses: "its data and its automated backups", finalSnapshot: RDS_SNAPSHOT, primaryData: true },
  [TYPES.rdsCluster]: { label: "Aurora cluster", loses: "its data and its automated backups", finalSnapshot: RDS_SNAPSHOT, primaryData: true },
  [TYPES.cacheReplicationGroup]: { label: "ElastiCache replication group", loses: "its cached and persisted data", finalSnapshot: CACHE_SNAPSHOT, primaryData: true },
  [TYPES.cacheCluster]: { label: "ElastiCache cluster", loses: "its cached data", finalSnapshot: CACHE_SNAPSHOT, primaryData: true },
  [TYPES.cacheServerless]: { label: "ElastiCache serverless cache", loses: "its cached data (a serverless cache has no final snapshot on delete)", primaryData: true },
  [TYPES.mskCluster]: { label: "MSK Kafka cluster", loses: "every topic and message", primaryData: true },
  [TYPES.mskServerlessCluster]: { label: "MSK Serverless cluster", loses: "every topic and message", primaryData: true },
  [TYPES.dynamodbTable]: { label: "DynamoDB table", loses: "its items (and its point-in-time recovery history)", primaryData: true },
  [TYPES.efsFileSystem]: { label: "EFS file system", loses: "its files", primaryData: true },
  [TYPES.s3Bucket]: BUCKET,
  [TYPES.s3BucketV2]: BUCKET,
  [TYPES.s3BucketObject]: BUCKET_OBJECT,
  [TYPES.s3BucketObjectV2]: BUCKET_OBJECT,
  [TYPES.ebsVolume]: { label: "EBS volume", loses: "its data", primaryData: false },
  [TYPES.ebsSnapshot]: { label: "EBS snapshot", loses: "the point-in-time copy it holds", primaryData: false },
  [TYPES.ecrRepository]: {
    label: "ECR repository",
    loses: "every image in it",
    refusal: { forceInput: "forceDelete", fails: "AWS refuses to delete a repository that still holds images, so without forceDelete `pulumi up` fails half-way" },
    primaryData: false,
  },
  [TYPES.secret]: {
    label: "Secrets Manager secret",
    loses: "the secret value",
    recoveryWindow: { input: "recoveryWindowInDays", text: "it can be restored during its recovery window (recoveryWindowInDays, 30 days unless set; 0 deletes it at once)" },
    primaryData: false,
  },
  [TYPES.secretVersion]: { label: "Secrets Manager secret version", loses: "that version of the secret value", primaryData: false },
  [TYPES.kmsKey]: {
    label: "KMS key",
    loses: "access to everything encrypted with it once the deletion window ends",
    recoveryWindow: { input: "deletionWindowInDays", text: "the deletion can be cancelled during its window (deletionWindowInDays, 30 days unless set)" },
    primaryData: false,
  },
  [TYPES.logGroup]: { label: "CloudWatch log group", loses: "every log event it holds", primaryData: false },
  [TYPES.route53Zone]: {
    label: "Route 53 hosted zone",
    loses: "every record in it, and a recreated zone gets new name servers the parent domain must be re-delegated to",
    refusal: { forceInput: "forceDestroy", fails: "Route 53 refuses to delete a zone that still holds records other than NS and SOA, so without forceDestroy `pulumi up` fails half-way" },
    primaryData: false,
  },
  [TYPES.sqsQueue]: { label: "SQS queue", loses: "every message waiting in it", primaryData: false },
  [TYPES.awsEksCluster]: EKS_CLUSTER,
  [TYPES.eksCluster]: EKS_CLUSTER,
  [TYPES.awsEksNodeGroup]: NODE_GROUP,
  [TYPES.eksManagedNodeGroup]: NODE_GROUP,
  [TYPES.eksNodeGroupV2]: NODE_GROUP,
  [TYPES.k8sPersistentVolumeClaim]: { label: "PersistentVolumeClaim", loses: "its volume (with a Delete reclaim policy, the default for dynamic provisioning)", primaryData: false },
  [TYPES.k8sPersistentVolume]: { label: "PersistentVolume", loses: "its disk (with a Delete reclaim policy)", primaryData: false },
  [TYPES.k8sStatefulSet]: { label: "StatefulSet", loses: "its pods and, with a Delete retention policy, their volumes", primaryData: false },
  [TYPES.k8sNamespace]: { label: "Kubernetes namespace", loses: "everything inside it, its volume claims included", primaryData: false },
  [TYPES.k8sCustomResourceDefinition]: { label: "CustomResourceDefinition", loses: "every custom resource of that kind", primaryData: false },
};

/** Types prod and dr must protect with Pulumi's `protect` option. */
export const PRIMARY_DATA_TYPES: readonly string[] = Object.entries(STATEFUL_TYPES)
  .filter(([, kind]) => kind.primaryData)
  .map(([type]) => type);

/** What deleting a resource does, given the inputs it had. */
export type DeleteOutcome =
  /** The data goes (after a recovery window, when `recoverable`). */
  | { readonly kind: StatefulKind; readonly outcome: "loss"; readonly recoverable: boolean }
  /** AWS refuses the delete when the resource holds data: `up` fails half-way instead. */
  | { readonly kind: StatefulKind; readonly outcome: "failure-if-not-empty" };

/**
 * The outcome of deleting a resource of `type` whose inputs were `inputs` (old inputs for a delete;
 * old and new for a replacement), or undefined for types that hold no data.
 */
export function deleteOutcome(type: string, ...inputs: (Inputs | undefined)[]): DeleteOutcome | undefined {
  const kind = STATEFUL_TYPES[type];
  if (!kind) return undefined;
  const present = inputs.filter((i): i is Inputs => i !== undefined);
  if (kind.refusal && !present.some((i) => i[kind.refusal!.forceInput] === true)) return { kind, outcome: "failure-if-not-empty" };
  const recoverable = kind.recoveryWindow !== undefined && !present.some((i) => i[kind.recoveryWindow!.input] === 0);
  return { kind, outcome: "loss", recoverable };
}

/** The stateful kind of a type (whatever its inputs), or undefined. */
export function statefulKind(type: string): StatefulKind | undefined {
  return STATEFUL_TYPES[type];
}
