import type { OfflinePlan, PlanResource, PlanValue } from "../../../review/plan/model";
import type { ConfigEdit, ResourceOperation } from "../failover/ports";
import { resourceSide, ResourceSide, typeChainInPlan, typeChainOfUrn } from "./resource-side";

/** One resource a config change would create, delete or update, and which side of the platform it is on. */
export interface ResourceDifference {
  readonly urn: string;
  readonly type: string;
  readonly change: "create" | "delete" | "update";
  readonly side: ResourceSide;
  /** For an update: the top-level inputs that differ. */
  readonly inputs?: readonly string[];
}

/** What a drill's config change does to its stack, proven by planning the stack before and after it. */
export interface DrillImpact {
  readonly differences: readonly ResourceDifference[];
  /** Differences outside the clusters: each one forbids the drill. */
  readonly dataTier: readonly ResourceDifference[];
  readonly outsideClusters: readonly ResourceDifference[];
}

/** Plans a stack offline from flat config values (real: `planFromSettings`). */
export type StackPlanner = (
  stack: string,
  values: Record<string, string>,
  secretKeys: string[],
) => Promise<OfflinePlan>;

/** JSON with sorted keys, so inputs compare by value. */
function canonical(value: PlanValue | undefined): string {
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
    .join(",")}}`;
}

function changedInputs(before: PlanResource, after: PlanResource): string[] {
  const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
  const changed = [...keys].filter((k) => canonical(before.inputs[k]) !== canonical(after.inputs[k])).sort();
  if ((before.provider ?? "") !== (after.provider ?? "")) changed.push("(provider)");
  return changed;
}

/**
 * Every resource that differs between two plans of one stack, by URN: created, deleted, or with different
 * inputs or provider (what makes the engine act; a different dependency list alone does not).
 */
export function compareForDrill(before: OfflinePlan, after: OfflinePlan): DrillImpact {
  const old = new Map(before.resources.map((r) => [r.urn, r]));
  const differences: ResourceDifference[] = [];
  for (const resource of after.resources) {
    const previous = old.get(resource.urn);
    const side = resourceSide(typeChainInPlan(after, resource));
    if (!previous) differences.push({ urn: resource.urn, type: resource.type, change: "create", side });
    else {
      const inputs = changedInputs(previous, resource);
      if (inputs.length > 0)
        differences.push({ urn: resource.urn, type: resource.type, change: "update", side, inputs });
    }
  }
  const current = new Set(after.resources.map((r) => r.urn));
  for (const resource of before.resources)
    if (!current.has(resource.urn))
      differences.push({
        urn: resource.urn,
        type: resource.type,
        change: "delete",
        side: resourceSide(typeChainInPlan(before, resource)),
      });
  return {
    differences,
    dataTier: differences.filter((d) => d.side === "data"),
    outsideClusters: differences.filter((d) => d.side === "other"),
  };
}

/** Applies config edits to flat Pulumi config values (structured values are JSON text). */
export function applyEdits(values: Record<string, string>, edits: readonly ConfigEdit[]): Record<string, string> {
  const result = { ...values };
  for (const edit of edits) {
    if (edit.value === undefined) delete result[edit.key];
    else result[edit.key] = typeof edit.value === "string" ? edit.value : JSON.stringify(edit.value);
  }
  return result;
}

/** Plans the stack offline as it is and with the edits applied, and compares the two plans. */
export async function planDrillImpact(
  stack: string,
  values: Record<string, string>,
  secretKeys: string[],
  edits: readonly ConfigEdit[],
  planner: StackPlanner,
): Promise<DrillImpact> {
  const before = await planner(stack, values, secretKeys);
  const after = await planner(stack, applyEdits(values, edits), secretKeys);
  return compareForDrill(before, after);
}

const describeDifference = (d: ResourceDifference) =>
  `${d.change} ${d.urn}${d.inputs ? ` (${d.inputs.join(", ")})` : ""}`;

/** Why the drill must not run (undefined when only cluster-side resources differ). */
export function impactRefusal(stack: string, impact: DrillImpact): string | undefined {
  const reasons: string[] = [];
  if (impact.dataTier.length > 0)
    reasons.push(
      `the drill's config change would touch ${stack}'s data tier: ${impact.dataTier.map(describeDifference).join("; ")}`,
    );
  if (impact.outsideClusters.length > 0)
    reasons.push(
      `it would change resources outside the clusters: ${impact.outsideClusters.map(describeDifference).join("; ")}`,
    );
  return reasons.length > 0
    ? `${reasons.join("; and ")}. A drill may only change EKS clusters, node groups, their add-ons and in-cluster resources`
    : undefined;
}

/** The operations an update reported that are not on the cluster side. */
export function operationsOutsideClusters(operations: readonly ResourceOperation[]): ResourceOperation[] {
  return operations.filter(
    (o) => o.op !== "same" && o.op !== "read" && resourceSide(typeChainOfUrn(o.urn)) !== "cluster",
  );
}
