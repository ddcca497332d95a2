import type { OfflinePlan } from "../../../review/plan/model";
import type { StackConfig } from "../../../stacks/config/stack-config";
import type { ParityFinding } from "./model";
import type { NormalisedResource } from "./normalise";

/** One side of the comparison. */
export interface ParitySide {
  readonly config: StackConfig;
  readonly plan: OfflinePlan;
  /** Normalised resources by `<type>::<normalised name>`. */
  readonly resources: ReadonlyMap<string, NormalisedResource>;
}

/** What an intended-difference rule may look at besides the finding. */
export interface ParityContext {
  readonly primary: ParitySide;
  readonly dr: ParitySide;
}

const resourceOf = (finding: ParityFinding, side: ParitySide) =>
  side.resources.get(`${finding.resourceType}::${finding.resourceName}`);

/** A difference between the primary and the DR stack that is there on purpose. */
export interface IntendedDifferenceRule {
  readonly id: string;
  /** Why this difference is intended: printed in every report. */
  readonly reason: string;
  /** True when the rule accepts the finding. Normalisations accept nothing here: they act before the comparison. */
  readonly accepts: (finding: ParityFinding, context: ParityContext) => boolean;
}

const never = (): boolean => false;
const lastKey = (path: string | undefined): string =>
  (path ?? "")
    .replace(/\[\d+\]/g, "")
    .split(".")
    .pop() ?? "";
const pathHas = (path: string | undefined, key: string): boolean =>
  (path ?? "")
    .replace(/\[\d+\]/g, "")
    .split(".")
    .includes(key);

/** Capacity settings: the pilot light runs small and is scaled to the primary's size at failover. */
const SIZE_KEYS = new Set([
  "minSize",
  "maxSize",
  "desiredSize",
  "instanceClass",
  "instanceType",
  "instanceTypes",
  "nodeType",
  "allocatedStorage",
  "maxAllocatedStorage",
  "volumeSize",
  "numberOfBrokerNodes",
  "numCacheClusters",
  "replicasPerNodeGroup",
  "numNodeGroups",
  "multiAz",
  "multiAzEnabled",
  "automaticFailoverEnabled",
  "monitoringInterval",
  "enhancedMonitoring",
  // One zone per cache node: fewer nodes, fewer zones.
  "preferredCacheClusterAzs",
]);

/** Inputs that say where a database's data comes from. */
const DATA_SOURCE_KEYS = new Set([
  "replicateSourceDb",
  "restoreToPointInTime",
  "snapshotIdentifier",
  "snapshotArns",
  "snapshotName",
  "globalReplicationGroupId",
]);
/** Settings a replica has its own value for: it has no final snapshot of its own to keep. */
const REPLICA_SETTINGS = new Set(["skipFinalSnapshot"]);
/** Inputs a replica or a restored database takes from its source instead of from config. */
const INHERITED_KEYS = new Set([
  "username",
  "dbName",
  "manageMasterUserPassword",
  "masterUserSecretKmsKeyId",
  "engineVersion",
  "engine",
  "backupRetentionPeriod",
  "finalSnapshotIdentifier",
]);

function drResourceStartsFromExistingData(finding: ParityFinding, context: ParityContext): boolean {
  const inputs = resourceOf(finding, context.dr)?.inputs ?? {};
  return Object.keys(inputs).some((key) => DATA_SOURCE_KEYS.has(key) && inputs[key] !== null);
}

/** Colours the DR stack leaves without a cluster (pilot light) that are not the primary's live colour. */
function pilotLightColours(context: ParityContext): string[] {
  return Object.entries(context.dr.config.clusters)
    .filter(([colour, cluster]) => !cluster.enabled && colour !== context.primary.config.traffic.live)
    .map(([colour]) => colour);
}

const providerUrnOf = (reference: string | undefined) => reference?.split("::").slice(0, -1).join("::");

/**
 * URNs of the primary's resources that exist because of a colour's cluster: named after it
 * (`icna-{stack}-<colour>…`), or depending on, or deployed through the provider of, such a resource.
 */
function colourBoundUrns(side: ParitySide, colour: string): Set<string> {
  const prefix = `icna-{stack}-${colour}`;
  const bound = new Set<string>();
  for (const r of side.resources.values())
    if (r.name === prefix || r.name.startsWith(`${prefix}-`)) bound.add(r.original.urn);
  for (let grew = true; grew;) {
    grew = false;
    for (const { original } of side.resources.values()) {
      if (bound.has(original.urn)) continue;
      const via = [...original.dependencies, providerUrnOf(original.provider), original.parent];
      if (via.some((urn) => urn !== undefined && bound.has(urn))) {
        bound.add(original.urn);
        grew = true;
      }
    }
  }
  return bound;
}

/** True when the primary resource is placed in the DR region through an explicit provider. */
function primaryResourceInDrRegion(finding: ParityFinding, context: ParityContext): boolean {
  const resource = resourceOf(finding, context.primary)?.original;
  if (!resource) return false;
  if (resource.type === "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication") return true;
  if (resource.type === "pulumi:providers:aws" && resource.inputs.region === context.dr.config.region) return true;
  const provider = context.primary.plan.resources.find((r) => r.urn === providerUrnOf(resource.provider));
  return provider?.inputs.region === context.dr.config.region;
}

/**
 * Normalisations applied to both plans before they are compared. Listed as rules so the report says
 * what was made equal and why.
 */
export const NORMALISATIONS: readonly IntendedDifferenceRule[] = [
  {
    id: "stack-prefix",
    reason: "Physical names and URNs carry the stack name: both sides are compared as icna-{stack}.",
    accepts: never,
  },
  {
    id: "region",
    reason: "The DR stack runs in its own region: region and availability-zone names are compared as {region}.",
    accepts: never,
  },
  {
    id: "network-block",
    reason:
      "DR has its own, non-overlapping VPC block (so the networks can be peered): addresses are compared by their offset in the block.",
    accepts: never,
  },
  {
    id: "public-hostname",
    reason: "DR serves under its own hostname and hosted zone; failover re-points the primary's hostname at DR.",
    accepts: never,
  },
];

/** Differences accepted after normalisation, in the order they are tried. */
export const INTENDED_DIFFERENCES: readonly IntendedDifferenceRule[] = [
  {
    id: "environment-tag",
    reason: "Every resource is tagged with its own environment (prod, dr).",
    accepts: (f) => f.kind === "input-difference" && /(^|\.)tags(All)?\.environment$/.test(f.path ?? ""),
  },
  {
    id: "sizes-and-counts",
    reason:
      "The pilot light runs at minimum size (node groups, instance classes, broker and replica counts); failover scales it to the primary's size.",
    accepts: (f) =>
      f.kind === "input-difference" && (SIZE_KEYS.has(lastKey(f.path)) || pathHas(f.path, "scalingConfig")),
  },
  {
    id: "data-source",
    reason:
      "DR databases start from the primary's data (cross-region read replica or replicated backups), and inherit engine version, master user and database name from it (a replica keeps no final snapshot of its own).",
    accepts: (f, context) =>
      (f.kind === "input-difference" || f.kind === "version-skew") &&
      (DATA_SOURCE_KEYS.has((f.path ?? "").split(".")[0]) ||
        (((INHERITED_KEYS.has(lastKey(f.path)) && f.dr === undefined) || REPLICA_SETTINGS.has(lastKey(f.path))) &&
          drResourceStartsFromExistingData(f, context))),
  },
  {
    id: "backup-replication-on-primary",
    reason:
      "The primary replicates its automated backups into the DR region; those resources (replication, DR-region key) belong to the primary stack.",
    accepts: (f, context) => f.kind === "missing-component" && primaryResourceInDrRegion(f, context),
  },
  {
    id: "pilot-light-colour",
    reason:
      "In pilot light the DR stack leaves a colour that is not the primary's live colour without a cluster (clusters.<colour>.enabled: false), and so without what depends on that cluster (its access rules, namespaces); failover runs the live colour.",
    accepts: (f, context) => {
      if (f.kind !== "missing-component") return false;
      const urn = resourceOf(f, context.primary)?.original.urn;
      return (
        urn !== undefined &&
        pilotLightColours(context).some((colour) => colourBoundUrns(context.primary, colour).has(urn))
      );
    },
  },
  {
    id: "traffic-weights",
    reason:
      "Route 53 weights are each stack's traffic state, not its shape; failover moves the primary hostname's weights.",
    accepts: (f) =>
      f.kind === "input-difference" &&
      f.resourceType === "aws:route53/record:Record" &&
      pathHas(f.path, "weightedRoutingPolicies"),
  },
  {
    id: "replication-source",
    reason:
      "A cross-region read replica and MSK Replicator name their source in the primary region: that reference is the replication itself.",
    accepts: (f) =>
      f.kind === "primary-reference" &&
      ((f.resourceType === "aws:rds/instance:Instance" && f.path === "replicateSourceDb") ||
        f.resourceType === "aws:msk/replicator:Replicator"),
  },
];
