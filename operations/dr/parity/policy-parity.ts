import type { OfflinePlan, PlanValue } from "../../../review/plan/model";
import type { ParityFinding } from "./model";
import { normaliseString, Normaliser } from "./normalise";

/** A resource as the policy engine reads it (`policies/model.ts` PolicyResource). */
export interface PolicyInput {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: Readonly<Record<string, PlanValue>>;
  readonly protect: boolean;
  readonly parent?: string;
  readonly dependencies: readonly string[];
}

/** The environments the policy engine distinguishes. */
export type PolicyStackKind = "dev" | "prod" | "dr";

/**
 * The policy engine as parity needs it: the signature of `evaluatePolicies` in `policies/evaluate.ts`,
 * narrowed to the violations. Passed in so the comparison does not depend on which rules exist.
 */
export type PolicyEvaluator = (
  resources: readonly PolicyInput[],
  stack: { name: string; kind: PolicyStackKind },
  options: { today: string },
) => {
  readonly violations: readonly {
    policy: string;
    resourceType: string;
    resourceName: string;
    enforcementLevel: string;
    message: string;
  }[];
  readonly rulesEvaluated: number;
};

export interface PolicySide {
  readonly plan: OfflinePlan;
  readonly kind: PolicyStackKind;
  readonly normaliser: Normaliser;
}

function toPolicyInputs(plan: OfflinePlan): PolicyInput[] {
  return plan.resources.map((r) => ({
    type: r.type,
    name: r.name,
    urn: r.urn,
    props: r.inputs,
    protect: r.protect,
    ...(r.parent ? { parent: r.parent } : {}),
    dependencies: r.dependencies,
  }));
}

/**
 * Policies that fail for a DR resource while passing for its primary counterpart (same policy, same
 * normalised resource). Both sides are evaluated for the same day so date-dependent rules agree.
 */
export function comparePolicies(
  evaluate: PolicyEvaluator,
  primary: PolicySide,
  dr: PolicySide,
  today: string,
): { findings: ParityFinding[]; rulesEvaluated: number } {
  const primaryResult = evaluate(
    toPolicyInputs(primary.plan),
    { name: primary.plan.stack, kind: primary.kind },
    { today },
  );
  const drResult = evaluate(toPolicyInputs(dr.plan), { name: dr.plan.stack, kind: dr.kind }, { today });
  const failingInPrimary = new Set(
    primaryResult.violations.map((v) => `${v.policy}::${normaliseString(v.resourceName, primary.normaliser)}`),
  );
  const findings: ParityFinding[] = [];
  const seen = new Set<string>();
  for (const v of drResult.violations) {
    const name = normaliseString(v.resourceName, dr.normaliser);
    const key = `${v.policy}::${name}`;
    if (failingInPrimary.has(key) || seen.has(key)) continue;
    seen.add(key);
    findings.push({
      kind: "policy-regression",
      resourceType: v.resourceType,
      resourceName: name,
      path: v.policy,
      message: `policy ${v.policy} (${v.enforcementLevel}) fails in DR and passes in the primary: ${v.message}`,
    });
  }
  return { findings, rulesEvaluated: primaryResult.rulesEvaluated + drResult.rulesEvaluated };
}
