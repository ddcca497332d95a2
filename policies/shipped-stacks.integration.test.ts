/**
 * The program and the policies agree: the shipped dev, prod and dr stacks, planned offline exactly as
 * `icna review` plans them, violate none of their own mandatory rules nor any advisory their configuration
 * could fix, and a deliberately broken copy of prod is blocked.
 */
import { OfflinePlan, PlanResource } from "../review/plan/model";
import { planStack } from "../review/plan/stack-plan";
import { evaluatePolicies, hasMandatoryViolation } from "./evaluate";
import { StackKind } from "./model";
import { KUBERNETES_VERSIONS_RECORDED_ON } from "../stacks/config/kubernetes-versions";
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

/**
 * Advisories the stack's configuration cannot silence, each with the reason; any other advisory on a
 * shipped stack is a configuration (or rule) to fix. The Kubernetes-version advisories are judged on the
 * calendar's recorded day so that this test does not turn red on the day a version leaves standard
 * support; the calendar's age test (stacks/config/kubernetes-versions.test.ts) forces that re-check.
 */
const ADVISORIES_CONFIG_CANNOT_FIX: Readonly<Record<StackKind, readonly string[]>> = {
  // The PostgreSQL component listens on the engine's port 5432; no config key changes it.
  dev: ["rds-non-default-identity icna-dev-postgres-instance"],
  prod: ["rds-non-default-identity icna-prod-postgres-instance"],
  // The DR database is a read replica of prod: the identity rule does not apply to replicas.
  dr: [],
};

describe("the shipped stacks have no advisory their configuration could fix", () => {
  test.each(["dev", "prod", "dr"] as const)("%s", (kind) => {
    const evaluation = evaluatePolicies(policyResourcesFromPlan(plans.get(kind)!), { name: kind, kind }, { today: KUBERNETES_VERSIONS_RECORDED_ON });
    const advisories = evaluation.violations.filter((v) => v.enforcementLevel === "advisory").map((v) => `${v.policy} ${v.resourceName}`);
    expect(advisories.sort()).toEqual([...ADVISORIES_CONFIG_CANNOT_FIX[kind]].sort());
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
