import type { OfflinePlan, PlanResource } from "../review/plan/model";
import { PolicyResource } from "./model";

/** Plan resources as the rules see them: inputs become props; parents, dependencies and providers stay URNs. */
export function policyResourceFromPlan(resource: PlanResource & { propertyDependencies?: Record<string, string[]> }): PolicyResource {
  return {
    type: resource.type,
    name: resource.name,
    urn: resource.urn,
    props: resource.inputs,
    protect: resource.protect,
    parent: resource.parent,
    dependencies: resource.dependencies,
    ...(resource.propertyDependencies ? { propertyDependencies: resource.propertyDependencies } : {}),
    provider: resource.provider,
  };
}

export function policyResourcesFromPlan(plan: Pick<OfflinePlan, "resources">): PolicyResource[] {
  return plan.resources.map(policyResourceFromPlan);
}
