import { OfflinePlan, PlanResource, PlanValue } from "../review/plan/model";

/** Resources of one type, in registration order. */
export function ofType(plan: OfflinePlan, type: string): PlanResource[] {
  return plan.resources.filter((r) => r.type === type);
}

/** The single resource with this type and logical name; fails the test when absent. */
export function named(plan: OfflinePlan, type: string, name: string): PlanResource {
  const found = plan.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} in the plan (have: ${ofType(plan, type).map((r) => r.name).join(", ")})`);
  return found;
}

/** Parses a JSON-text input such as an IAM policy document. */
export function jsonInput(value: PlanValue | undefined): unknown {
  if (typeof value !== "string") throw new Error(`expected JSON text, got ${JSON.stringify(value)}`);
  return JSON.parse(value);
}
