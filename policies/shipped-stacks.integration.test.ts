/**
 * The program and the policies agree: the shipped dev, prod and dr stacks, planned offline exactly as
 * `icna review` plans them, violate none of their own mandatory rules, and a deliberately broken
 * copy of prod is blocked.
 */
import { OfflinePlan, PlanResource } from "../review/plan/model";
import { planStack } from "../review/plan/stack-plan";
import { evaluatePolicies, hasMandatoryViolation } from "./evaluate";
import { StackKind } from "./model";
import { policyResourcesFromPlan } from "./plan-input";

const plans = new Map<StackKind, OfflinePlan>();

beforeAll(async () => {
  // One offline preview at a time: the SDK's runtime state is global.
  for (const stack of ["dev", "prod", "dr"] as const) plans.set(stack, (await planStack(stack)).plan);
}, 180_000);

function mandatory(plan: OfflinePlan, kind: StackKind): string[] {
  const evaluation = evaluatePolicies(policyResourcesFromPlan(plan), { name: kind, kind });
  return evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy} ${v.resourceType} ${v.resourceName}: ${v.message}`);
}

describe("the shipped stacks pass their own mandatory rules", () => {
  test.each(["dev", "prod", "dr"] as const)("%s", (kind) => {
    const plan = plans.get(kind)!;
    expect(plan.resources.length).toBeGreaterThan(50);
    expect(mandatory(plan, kind)).toEqual([]);
  });
});

function change(plan: OfflinePlan, type: string, edit: (inputs: Record<string, unknown>) => Record<string, unknown>): OfflinePlan {
  let changed = 0;
  const resources = plan.resources.map((r): PlanResource => {
    if (r.type !== type) return r;
    changed++;
    return { ...r, inputs: edit({ ...r.inputs }) as PlanResource["inputs"] };
  });
  if (changed === 0) throw new Error(`the prod plan has no ${type}`);
  return { ...plan, resources };
}

test("a deliberately broken prod (public database, open security group, unencrypted cache) is blocked", () => {
  let broken = plans.get("prod")!;
  broken = change(broken, "aws:rds/instance:Instance", (inputs) => ({ ...inputs, publiclyAccessible: true }));
  broken = change(broken, "aws:ec2/securityGroup:SecurityGroup", (inputs) =>
    String(inputs.name ?? "").includes("postgres") ? { ...inputs, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"], description: "debugging" }] } : inputs,
  );
  broken = change(broken, "aws:elasticache/replicationGroup:ReplicationGroup", (inputs) => ({ ...inputs, atRestEncryptionEnabled: false, transitEncryptionEnabled: false }));
  const evaluation = evaluatePolicies(policyResourcesFromPlan(broken), { name: "prod", kind: "prod" });
  expect(hasMandatoryViolation(evaluation)).toBe(true);
  const blocking = new Set(evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.policy));
  for (const policy of ["rds-not-public", "sg-no-public-database-ingress", "database-ingress-only-from-clusters", "elasticache-at-rest-encrypted", "elasticache-in-transit-encrypted"]) {
    expect(blocking).toContain(policy);
  }
});
