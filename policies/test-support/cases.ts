import { runRule } from "../evaluate";
import { ResourceGraph } from "../graph";
import { Finding, isUndecided, PolicyResource, StackKind } from "../model";
import { Rule } from "../rule";
import { RULES } from "../rules";
import { applyChanges, StackChange } from "./change";
import { compliantStack } from "./compliant-stack";

export type Outcome = "pass" | "violation" | "undecided" | "not-applicable";

/** One rule test: start from the compliant stack, change it, and say what the rule must conclude. */
export interface RuleCase {
  readonly rule: string;
  readonly title: string;
  /** For resource rules, the resource the rule is run on. */
  readonly subject?: string;
  readonly changes?: readonly StackChange[];
  readonly kind?: StackKind;
  /** Replaces the compliant stack entirely (rare: a rule checked on a resource alone). */
  readonly resources?: readonly PolicyResource[];
  readonly expect: Outcome;
  /** Fragments the violation message must contain (resource name, field, fix). */
  readonly message?: readonly string[];
}

export interface CaseResult {
  readonly outcome: Outcome;
  readonly findings: readonly Finding[];
}

export function ruleNamed(name: string): Rule {
  const rule = RULES.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule named ${name}`);
  return rule;
}

export function runCase(testCase: RuleCase, today = "2026-11-01"): CaseResult {
  const rule = ruleNamed(testCase.rule);
  const resources = testCase.resources ? [...testCase.resources] : applyChanges(compliantStack(), testCase.changes ?? []);
  const kind = testCase.kind ?? "prod";
  const ctx = { stack: { name: kind, kind }, today, graph: new ResourceGraph(resources) };
  let result: readonly Finding[] | "not-applicable";
  if (rule.scope === "resource") {
    const subject = resources.find((r) => r.name === testCase.subject);
    if (!subject) throw new Error(`case "${testCase.title}": no subject named ${testCase.subject}`);
    if (!rule.resourceTypes.includes(subject.type)) throw new Error(`case "${testCase.title}": ${rule.name} does not apply to ${subject.type}`);
    result = runRule(rule, subject, ctx);
  } else {
    result = runRule(rule, resources, ctx);
  }
  if (result === "not-applicable") return { outcome: "not-applicable", findings: [] };
  const outcome: Outcome = result.some((f) => !isUndecided(f)) ? "violation" : result.length > 0 ? "undecided" : "pass";
  return { outcome, findings: result };
}

/** Messages of the violations in a result. */
export function messages(result: CaseResult): string[] {
  return result.findings.filter((f) => !isUndecided(f)).map((f) => (f as { message: string }).message);
}
