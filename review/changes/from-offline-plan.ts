import { redactChangeSet } from "./redact-change-set";
import { OfflinePlan, PlanResource } from "../plan/model";
import { Change, ChangeSet } from "./change";

/** The offline plan of `icna review --stack <s>`: a stack seen from nothing, so every resource is a create. */
export function changesFromOfflinePlan(plan: Pick<OfflinePlan, "resources">): ChangeSet {
  return redactChangeSet({
    source: "offline-plan",
    changes: plan.resources.map((resource) => createOf(resource)),
    policyEvents: [],
    diagnostics: [],
    incomplete: false,
  });
}

export function createOf(resource: PlanResource): Change {
  return {
    op: "create",
    steps: ["create"],
    urn: resource.urn,
    type: resource.type,
    name: resource.name,
    parent: resource.parent,
    newInputs: resource.inputs,
    changedPaths: [],
    replaceReasons: [],
    provider: resource.provider,
    dependencies: resource.dependencies,
    ...(resource.propertyDependencies ? { propertyDependencies: resource.propertyDependencies } : {}),
    protect: { new: resource.protect },
    deleteBeforeReplace: resource.deleteBeforeReplace === true,
    retainOnDelete: resource.retainOnDelete === true,
    custom: resource.custom,
    ...(resource.credentials ? { credentials: resource.credentials } : {}),
  };
}
