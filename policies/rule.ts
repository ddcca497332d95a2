import { ResourceGraph } from "./graph";
import { Area, EnforcementLevel, Finding, PolicyResource, RuleResult, Severity, StackInfo, StackKind, Violation } from "./model";
import { UndecidableError } from "./values";

/** What every rule declares about itself; docs/policies.md and the CrossGuard config are generated from it. */
export interface RuleMetadata {
  /** Stable id, e.g. `rds-storage-encrypted`. Never renamed: configs and suppressions refer to it. */
  readonly name: string;
  readonly area: Area;
  /** What the rule checks, in one sentence. */
  readonly description: string;
  readonly severity: Severity;
  /** Checkov checks with the same intent. */
  readonly checkov: readonly string[];
  /** Default enforcement per stack kind. */
  readonly enforcement: Readonly<Record<StackKind, EnforcementLevel>>;
  /** Types the rule evaluates (resource rules) or reads (stack rules). */
  readonly resourceTypes: readonly string[];
  /** How to fix a violation. */
  readonly remediation: string;
  /**
   * Set when the rule can only run offline, with the reason: e.g. CrossGuard hands policies secrets
   * already decrypted, so "is this value a secret?" cannot be answered there.
   */
  readonly offlineOnly?: string;
}

export interface RuleContext {
  readonly stack: StackInfo;
  /** ISO date the check runs on (support windows depend on it). */
  readonly today: string;
  /** The other resources of the stack; empty when a single resource is checked on its own. */
  readonly graph: ResourceGraph;
}

/** Checks one resource at a time. */
export interface ResourceRule extends RuleMetadata {
  readonly scope: "resource";
  evaluate(resource: PolicyResource, ctx: RuleContext): RuleResult;
  /**
   * A safe in-place fix (no replacement, no data loss) returning the corrected inputs, used when
   * CrossGuard runs the rule at the `remediate` level.
   */
  readonly fix?: (props: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined;
}

/** Checks relations between resources: it gets every resource of the stack. */
export interface StackRule extends RuleMetadata {
  readonly scope: "stack";
  evaluate(resources: readonly PolicyResource[], ctx: RuleContext): RuleResult;
}

export type Rule = ResourceRule | StackRule;

/** Default enforcement presets. */
export const LEVELS: Readonly<Record<"everywhere" | "production" | "productionOnly" | "advisory" | "devAdvisory", Readonly<Record<StackKind, EnforcementLevel>>>> = {
  /** Blocks every stack: issues no environment may have. */
  everywhere: { dev: "mandatory", prod: "mandatory", dr: "mandatory" },
  /** Blocks prod and dr, warns in dev. */
  production: { dev: "advisory", prod: "mandatory", dr: "mandatory" },
  /** Only meaningful for production data; skipped in dev. */
  productionOnly: { dev: "disabled", prod: "mandatory", dr: "mandatory" },
  /** Warns everywhere. */
  advisory: { dev: "advisory", prod: "advisory", dr: "advisory" },
  /** Warns in dev only (dev cost guards). */
  devAdvisory: { dev: "advisory", prod: "disabled", dr: "disabled" },
};

export function violation(message: string, resource?: PolicyResource): Violation {
  return resource ? { message, resource } : { message };
}

/** `"name" (type)` for messages. */
export function label(resource: PolicyResource): string {
  return `${resource.type.split(":").pop()} "${resource.name}"`;
}

/**
 * Runs a check per item of a stack rule so one unknown value only makes that item undecided.
 */
export function perItem<T>(items: readonly T[], resourceOf: (item: T) => PolicyResource, check: (item: T) => readonly Finding[]): Finding[] {
  const findings: Finding[] = [];
  for (const item of items) {
    try {
      findings.push(...check(item));
    } catch (error) {
      if (!(error instanceof UndecidableError)) throw error;
      findings.push({ undecided: error.message, resource: resourceOf(item) });
    }
  }
  return findings;
}
