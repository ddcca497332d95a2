/**
 * The vocabulary shared by every ICNA policy rule, the offline engine (`evaluatePolicies`) and the
 * CrossGuard adapter. Nothing here depends on @pulumi/policy, so tests and the CLI can import it
 * without starting a policy pack.
 */

export const STACK_KINDS = ["dev", "prod", "dr"] as const;
/** dev gets mostly advisory checks; prod and dr (a standby copy of prod) get mandatory ones. */
export type StackKind = (typeof STACK_KINDS)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a violation does: mandatory blocks the deployment, advisory warns, disabled skips the rule. */
export type EnforcementLevel = "mandatory" | "advisory" | "disabled";

export const AREAS = ["eks", "rds", "elasticache", "msk", "network", "kms", "iam", "kubernetes", "cost", "pulumi"] as const;
export type Area = (typeof AREAS)[number];

/**
 * A resource as a rule sees it: a preview's resource (CrossGuard), an offline plan resource, or one
 * entry of a `icna policy check --resources` file. Values the engine cannot know yet are the string
 * "[unknown]" (see review/plan/model.ts UNKNOWN) and secrets are "[secret]".
 */
export interface PolicyResource {
  /** Pulumi type token, e.g. `aws:rds/instance:Instance` or `eks:index:Cluster`. */
  readonly type: string;
  /** Logical name. */
  readonly name: string;
  readonly urn?: string;
  /** Inputs as in a preview (resource references appear as the referenced URN in an offline plan). */
  readonly props: Readonly<Record<string, unknown>>;
  /** The `protect` option; undefined when the source does not say (a bare resources file). */
  readonly protect?: boolean;
  /** Parent URN. */
  readonly parent?: string;
  /** URNs this resource depends on. */
  readonly dependencies?: readonly string[];
  /** URNs each top-level input depends on, when the source records them (the real engine does). */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  /** Explicit provider reference (`<provider urn>::<id>` or a bare provider URN). */
  readonly provider?: string;
}

export interface StackInfo {
  readonly name: string;
  readonly kind: StackKind;
}

/** A finding that blocks or warns: the message names the resource and the fix. */
export interface Violation {
  readonly message: string;
  /** For stack-level rules: the resource the violation is about. */
  readonly resource?: PolicyResource;
}

/** A check that cannot be decided until `pulumi up` knows a value (never reported as a violation). */
export interface Undecided {
  readonly undecided: string;
  readonly resource?: PolicyResource;
}

export type Finding = Violation | Undecided;

/** What a rule returns: findings (empty = compliant) or "not-applicable". */
export type RuleResult = readonly Finding[] | "not-applicable";

/** One violation as the engine reports it (offline review, `icna policy check`). */
export interface PolicyViolation {
  readonly policy: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly urn?: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly severity: Severity;
  readonly message: string;
  readonly remediation?: string;
}

/** A check the engine skipped because a value it needs is unknown until `pulumi up`. */
export interface UndecidedCheck {
  readonly policy: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly urn?: string;
  readonly reason: string;
}

export function isUndecided(finding: Finding): finding is Undecided {
  return "undecided" in finding;
}
