import { redactChangeSet } from "./redact-change-set";
import { OfflinePlan, PlanResource } from "../plan/model";
import { Change, ChangeSet } from "./change";
import { createOf } from "./from-offline-plan";
import { diffPaths } from "./property-paths";
import { replacementReasons } from "../../policies/knowledge/replacement-triggers";

/** A plan resource may list the URNs it had before a rename (the `aliases` resource option). */
type AliasedResource = PlanResource & { readonly aliases?: readonly string[] };

/**
 * The difference of two offline plans (e.g. main versus a pull request), matched by URN: a URN only
 * in head is a create, only in base a delete, in both an update of the inputs that differ (a replace
 * when one of them forces replacement, see policies/knowledge/replacement-triggers.ts), else `same`. A resource that moved
 * to another parent or changed name has a new URN: without an alias naming its old URN it is a delete
 * plus a create, exactly as Pulumi would do it.
 */
export function changesFromPlanDiff(base: Pick<OfflinePlan, "resources">, head: Pick<OfflinePlan, "resources">): ChangeSet {
  const baseByUrn = new Map(base.resources.map((r) => [r.urn, r]));
  const matchedBase = new Set<string>();
  const changes: Change[] = [];

  for (const resource of head.resources as AliasedResource[]) {
    const previousUrn = baseByUrn.has(resource.urn) ? resource.urn : resource.aliases?.find((alias) => baseByUrn.has(alias) && !matchedBase.has(alias));
    const previous = previousUrn ? baseByUrn.get(previousUrn) : undefined;
    if (!previous || !previousUrn) {
      changes.push(createOf(resource));
      continue;
    }
    matchedBase.add(previousUrn);
    changes.push(updateOf(previous, resource));
  }
  for (const resource of base.resources) {
    if (!matchedBase.has(resource.urn)) changes.push(deleteOf(resource));
  }
  return redactChangeSet({ source: "offline-plan-diff", changes, policyEvents: [], diagnostics: [], incomplete: false });
}

function updateOf(previous: PlanResource, next: PlanResource): Change {
  const changedPaths = diffPaths(previous.inputs, next.inputs);
  if (previous.type !== next.type) changedPaths.unshift("(type)");
  if ((previous.provider ?? "") !== (next.provider ?? "")) changedPaths.push("(provider)");
  const replaceReasons = previous.type !== next.type ? ["(type)"] : replacementReasons(next.type, changedPaths);
  const op = changedPaths.length === 0 ? "same" : replaceReasons.length > 0 ? "replace" : "update";
  return {
    op,
    steps: [op],
    urn: next.urn,
    type: next.type,
    name: next.name,
    parent: next.parent,
    oldInputs: previous.inputs,
    newInputs: next.inputs,
    changedPaths,
    replaceReasons,
    provider: next.provider,
    dependencies: next.dependencies,
    ...(next.propertyDependencies ? { propertyDependencies: next.propertyDependencies } : {}),
    ...(next.credentials ? { credentials: next.credentials } : {}),
    protect: { old: previous.protect, new: next.protect },
    deleteBeforeReplace: next.deleteBeforeReplace === true,
    retainOnDelete: next.retainOnDelete === true,
    custom: next.custom,
  };
}

function deleteOf(resource: PlanResource): Change {
  return {
    op: "delete",
    steps: ["delete"],
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    parent: resource.parent,
    oldInputs: resource.inputs,
    changedPaths: [],
    replaceReasons: [],
    provider: resource.provider,
    dependencies: resource.dependencies,
    protect: { old: resource.protect },
    deleteBeforeReplace: false,
    retainOnDelete: resource.retainOnDelete === true,
    custom: resource.custom,
  };
}
