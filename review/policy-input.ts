import { evaluatePolicies } from "../policies/evaluate";
import type { PolicyResource, StackKind } from "../policies/model";
import { Change } from "./changes/change";

/** The resources as they will be after the change, in the shape the offline policy engine reads. */
export function policyResourcesOf(changes: readonly Change[]): PolicyResource[] {
  return changes
    .filter((c) => c.op !== "delete" && c.newInputs !== undefined)
    .map((c) => ({
      type: c.type,
      name: c.name,
      urn: c.urn,
      props: c.newInputs ?? {},
      protect: c.protect.new,
      parent: c.parent,
      dependencies: c.dependencies,
      // Per-input dependencies let stack-level rules trace an unknown reference exactly (policies/graph.ts).
      ...(c.propertyDependencies ? { propertyDependencies: c.propertyDependencies } : {}),
      provider: c.provider,
    }));
}

/** Runs the offline policy engine over the after-state of a change set. */
export function evaluateChangePolicies(changes: readonly Change[], stack: { name: string; kind: StackKind }) {
  return evaluatePolicies(policyResourcesOf(changes), stack);
}
