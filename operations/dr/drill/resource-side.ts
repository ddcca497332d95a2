import type { OfflinePlan, PlanResource } from "../../../review/plan/model";

/**
 * Which side of the platform a resource is on, for a drill that may only touch the clusters:
 * - `cluster`: EKS clusters, node groups, add-ons, their IAM/KMS/launch templates, the autoscaling stack
 *   and every in-cluster (Kubernetes) resource;
 * - `data`: the data tier (RDS, MSK, ElastiCache) and everything its components own, such as the
 *   security-group rules that let a cluster reach a database;
 * - `other`: the network, Route 53 traffic records, providers.
 */
export type ResourceSide = "cluster" | "data" | "other";

const DATA_TIER_COMPONENTS = new Set([
  "icna:components:DataTier",
  "icna:components:PostgresDatabase",
  "icna:components:KafkaCluster",
  "icna:components:RedisCache",
  "icna:components:AppAccess",
]);
const DATA_TIER_TYPE = /^aws:(rds|msk|elasticache)\//;
const CLUSTER_COMPONENTS = new Set([
  "icna:components:EksCluster",
  "icna:components:AutoscalingStack",
  "icna:observability:AnomalyWatcher",
]);
const IN_CLUSTER = (type: string) => type.startsWith("kubernetes:") || type === "pulumi:providers:kubernetes";

/** Classifies a resource by its type and its ancestors' types (outermost first, its own type last). */
export function resourceSide(typeChain: readonly string[]): ResourceSide {
  const own = typeChain[typeChain.length - 1] ?? "";
  if (IN_CLUSTER(own)) return "cluster";
  if (DATA_TIER_TYPE.test(own) || typeChain.some((t) => DATA_TIER_COMPONENTS.has(t))) return "data";
  if (typeChain.some((t) => CLUSTER_COMPONENTS.has(t) || t.startsWith("eks:"))) return "cluster";
  return "other";
}

/**
 * The type chain a URN carries: `urn:pulumi:<stack>::<project>::<parent types $ … $ type>::<name>`. The
 * engine writes every ancestor's type there (the stack's own type excluded).
 */
export function typeChainOfUrn(urn: string): string[] {
  const qualifiedType = urn.split("::")[2];
  if (qualifiedType === undefined)
    throw new Error(`${urn} is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>)`);
  return qualifiedType.split("$");
}

/** The type chain of a planned resource, from its recorded parents. */
export function typeChainInPlan(plan: OfflinePlan, resource: PlanResource): string[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const chain = [resource.type];
  const seen = new Set([resource.urn]);
  for (let parent = resource.parent; parent !== undefined && !seen.has(parent);) {
    seen.add(parent);
    const node = byUrn.get(parent);
    if (!node) break;
    chain.unshift(node.type);
    parent = node.parent;
  }
  return chain;
}
