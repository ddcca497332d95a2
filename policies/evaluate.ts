import { ResourceGraph } from "./graph";
import { EnforcementLevel, Finding, isUndecided, PolicyResource, PolicyViolation, Severity, SEVERITIES, StackInfo, StackKind, UndecidedCheck } from "./model";
import { Rule, RuleContext } from "./rule";
import { RULES } from "./rules";
import { UndecidableError } from "./values";

/** The resources the engine accepts: plan resources map `inputs` to `props`. */
export type EvaluatedResource = PolicyResource;

export interface EvaluateOptions {
  /** Rules to run. @default every ICNA rule (rules/index.ts) */
  readonly rules?: readonly Rule[];
  /** ISO date for date-dependent rules (Kubernetes support windows). @default today (UTC) */
  readonly today?: string;
}

export interface PolicyEvaluation {
  /** Violations of enabled rules, mandatory first, then by severity. */
  readonly violations: PolicyViolation[];
  /** Checks that wait for values only known after `pulumi up`. */
  readonly undecided: UndecidedCheck[];
  /** Rule evaluations performed (a resource rule counts once per resource it applies to). */
  readonly rulesEvaluated: number;
}

/**
 * Runs one rule on one target and never throws: an unknown value makes the whole check undecided,
 * any other error fails closed (a violation of that rule naming the error).
 */
export function runRule(rule: Rule, target: PolicyResource | readonly PolicyResource[], ctx: RuleContext): readonly Finding[] | "not-applicable" {
  try {
    return rule.scope === "resource" ? rule.evaluate(target as PolicyResource, ctx) : rule.evaluate(target as readonly PolicyResource[], ctx);
  } catch (error) {
    const subject = Array.isArray(target) ? undefined : (target as PolicyResource);
    if (error instanceof UndecidableError) return [{ undecided: error.message, resource: subject }];
    const detail = error instanceof Error ? error.message : String(error);
    const what = subject ? `${subject.type} "${subject.name}"` : `stack ${ctx.stack.name}`;
    return [{ message: `${rule.name} could not check ${what} (${detail}), so it fails closed: correct the input or report the rule as a bug`, resource: subject }];
  }
}

const LEVEL_ORDER: Record<EnforcementLevel, number> = { mandatory: 0, advisory: 1, disabled: 2 };

function compareViolations(a: PolicyViolation, b: PolicyViolation): number {
  return (
    LEVEL_ORDER[a.enforcementLevel] - LEVEL_ORDER[b.enforcementLevel] ||
    SEVERITIES.indexOf(b.severity as Severity) - SEVERITIES.indexOf(a.severity as Severity) ||
    a.policy.localeCompare(b.policy) ||
    a.resourceName.localeCompare(b.resourceName) ||
    a.message.localeCompare(b.message)
  );
}

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Evaluates every enabled rule for a stack kind over a set of resources: resource rules on each
 * resource of their types, stack rules once over all of them.
 */
export function evaluatePolicies(resources: readonly EvaluatedResource[], stack: { name: string; kind: StackKind }, options: EvaluateOptions = {}): PolicyEvaluation {
  const rules = options.rules ?? RULES;
  const graph = new ResourceGraph(resources);
  const ctx: RuleContext = { stack: stack as StackInfo, today: options.today ?? todayUtc(), graph };
  const violations: PolicyViolation[] = [];
  const undecided: UndecidedCheck[] = [];
  let rulesEvaluated = 0;

  for (const rule of rules) {
    const enforcementLevel = rule.enforcement[stack.kind];
    if (enforcementLevel === "disabled") continue;
    const record = (findings: readonly Finding[] | "not-applicable", fallback?: PolicyResource) => {
      if (findings === "not-applicable") return;
      for (const finding of findings) {
        const subject = finding.resource ?? fallback;
        const where = { resourceType: subject?.type ?? "pulumi:pulumi:Stack", resourceName: subject?.name ?? stack.name, ...(subject?.urn ? { urn: subject.urn } : {}) };
        if (isUndecided(finding)) undecided.push({ policy: rule.name, ...where, reason: finding.undecided });
        else violations.push({ policy: rule.name, ...where, enforcementLevel, severity: rule.severity, message: finding.message, remediation: rule.remediation });
      }
    };
    if (rule.scope === "stack") {
      rulesEvaluated++;
      record(runRule(rule, resources, ctx));
      continue;
    }
    for (const resource of graph.ofType(...rule.resourceTypes)) {
      rulesEvaluated++;
      record(runRule(rule, resource, ctx), resource);
    }
  }
  return { violations: violations.sort(compareViolations), undecided, rulesEvaluated };
}

/** True when any violation blocks the deployment. */
export function hasMandatoryViolation(evaluation: Pick<PolicyEvaluation, "violations">): boolean {
  return evaluation.violations.some((v) => v.enforcementLevel === "mandatory");
}
