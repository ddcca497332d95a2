import { z } from "zod";
import { dataTierSchema } from "./data-tier-schema";
import { runtimeSchema } from "./runtime-schema";

/** EC2 instance types such as m6i.large, c7g.2xlarge or r6id.metal. */
export const EC2_INSTANCE_TYPE = /^[a-z][a-z0-9-]*\d[a-z0-9-]*\.(nano|micro|small|medium|large|metal(-\d+xl)?|\d*xlarge)$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/** CloudWatch Logs accepts only these retention periods. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const COLOURS = ["blue", "green"] as const;
export type Colour = (typeof COLOURS)[number];

export const ENVIRONMENTS = ["dev", "prod", "dr"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const INTERFACE_ENDPOINT_SERVICES = ["ecr.api", "ecr.dkr", "sts", "logs", "ec2", "elasticloadbalancing", "autoscaling", "ssm", "sqs", "kms", "secretsmanager"] as const;

const retentionDays = z.union(LOG_RETENTION_DAYS.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<number>, z.ZodLiteral<number>], {
  error: `must be a CloudWatch Logs retention period (allowed: ${LOG_RETENTION_DAYS.join(", ")})`,
});
const cidr = z.string({ error: "must be an IPv4 CIDR block such as 10.0.0.0/16" });
const count = (min: number, max: number) => z.number().int().min(min).max(max);

const nodeGroupSchema = z
  .object({
    /** Instance types, first preferred; one family per group keeps scheduling predictable. */
    instanceTypes: z
      .array(z.string().regex(EC2_INSTANCE_TYPE, { error: "is not an EC2 instance type such as m6i.large (family.size)" }))
      .min(1),
    /** ON_DEMAND or SPOT. @default ON_DEMAND */
    capacityType: z.enum(["ON_DEMAND", "SPOT"]).optional(),
    minSize: count(0, 450),
    maxSize: count(1, 450),
    desiredSize: count(0, 450),
    /** Root volume size in GiB (gp3, encrypted). @default 50 */
    diskSizeGiB: count(20, 16384).optional(),
    /** Kubernetes labels added to the nodes. */
    labels: z.record(z.string(), z.string()).optional(),
  })
  .strict();

const clusterSchema = z
  .object({
    /** False keeps the colour's cluster absent (e.g. the DR stack until failover). @default true */
    enabled: z.boolean().optional(),
    /** EKS Kubernetes version, e.g. "1.35": one EKS still runs (see stacks/config/kubernetes-versions.ts), standard support for new clusters. */
    kubernetesVersion: z.string(),
    /** Public API endpoint; off unless listed CIDRs need it. Prod never opens it. */
    publicEndpoint: z.object({ enabled: z.boolean(), cidrs: z.array(cidr).optional() }).strict().optional(),
    /** IAM roles granted cluster-admin through EKS access entries. */
    adminRoleArns: z.array(z.string().regex(IAM_ROLE_ARN, { error: "is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)" })).optional(),
    nodeGroups: z.object({ system: nodeGroupSchema, workload: nodeGroupSchema }).strict(),
    /** Pinned EKS add-on versions overriding the defaults for this Kubernetes version. */
    addonVersions: z.record(z.string(), z.string()).optional(),
  })
  .strict();

/** Raw settings as written in Pulumi.<stack>.yaml, before defaults. */
export const stackConfigSchema = z
  .object({
    /** `aws:region`: the region every resource of the stack lives in. */
    region: z.string({ error: "is required: set aws:region, e.g. `pulumi config set aws:region eu-west-1`" }).regex(REGION, { error: "is not an AWS region name such as eu-west-1" }),
    /** The 12-digit AWS account the stack deploys into; ARNs and key policies are built from it, never looked up. */
    accountId: z.string({ error: "is required: the 12-digit AWS account id this stack deploys into" }).regex(/^\d{12}$/, { error: "is not a 12-digit AWS account id (quote it in YAML to keep leading zeros)" }),
    /** dev, prod or dr. prod and dr get production safeguards. */
    environment: z.enum(ENVIRONMENTS),
    /** Tags on every taggable resource; owner and cost-center are required. */
    tags: z.record(z.string().regex(TAG_KEY, { error: "is not a valid tag key" }), z.string().max(256)),
    network: z
      .object({
        cidr,
        /** Number of availability zones, 2–6. @default 3 */
        azCount: count(2, 6).optional(),
        /** Explicit AZ names; default: the region's a, b, c… */
        availabilityZones: z.array(z.string()).optional(),
        /** perAz (one NAT gateway per AZ) or single. @default perAz in prod and dr, single in dev */
        natGateways: z.enum(["single", "perAz"]).optional(),
        /** Explicit subnet blocks per tier, one per AZ; default: computed from the VPC block. */
        subnets: z.object({ public: z.array(cidr), private: z.array(cidr), isolated: z.array(cidr) }).strict().optional(),
        /** Interface endpoints (AWS service short names). @default ecr.api, ecr.dkr, sts, logs */
        interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES)).optional(),
        /** VPC flow log retention. @default 90 (dev 30) */
        flowLogRetentionDays: retentionDays.optional(),
      })
      .strict(),
    clusters: z.object({ blue: clusterSchema, green: clusterSchema }).strict(),
    traffic: z
      .object({
        /** The platform's public hostname, e.g. app.example.com. */
        hostname: z.string().regex(DNS_NAME, { error: "is not a lower-case DNS name such as app.example.com" }),
        /** Route 53 hosted zone that holds the hostname. */
        hostedZoneId: z.string().regex(HOSTED_ZONE_ID, { error: "is not a Route 53 hosted zone id (Z followed by letters and digits)" }),
        /** The colour serving production now: the rollback target during a cutover. */
        live: z.enum(COLOURS),
        /** Route 53 weights, 0–255 each. */
        weights: z.object({ blue: count(0, 255), green: count(0, 255) }).strict(),
        /** TTL of the weighted records in seconds. @default 60 */
        ttlSeconds: count(5, 86400).optional(),
      })
      .strict(),
    /** Disaster-recovery pairing. */
    dr: z
      .object({
        /** The region the DR stack (and replicated backups) live in. */
        region: z.string().regex(REGION, { error: "is not an AWS region name such as us-west-2" }),
      })
      .strict()
      .optional(),
    /** Kafka, PostgreSQL, Redis and workload access (see docs/data-tier.md); every setting has a per-environment default. */
    data: dataTierSchema.optional(),
    /** In-cluster runtime services: autoscaling stack, predictive scaler, anomaly watcher. */
    runtime: runtimeSchema,
  })
  .strict();

export type StackConfigInput = z.infer<typeof stackConfigSchema>;
export type NodeGroupInput = z.infer<typeof nodeGroupSchema>;
export type ClusterInput = z.infer<typeof clusterSchema>;
