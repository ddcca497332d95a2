import type { PlanValue } from "../../../review/plan/model";

/** What kind of difference between the primary's plan and the DR plan a finding describes. */
export type ParityFindingKind =
  /** A resource of the primary (matched by type and normalised name) that the DR plan lacks. */
  | "missing-component"
  /** A resource only the DR plan has. */
  | "extra-component"
  /** A Kubernetes, add-on or engine version that differs. */
  | "version-skew"
  /** Any other input (or `protect`) that differs after normalisation. */
  | "input-difference"
  /** A policy that passes for a resource in the primary and fails for its DR counterpart. */
  | "policy-regression"
  /** A DR input that still names the primary region: its OIDC issuer or one of its regional ARNs. */
  | "primary-reference";

/** One difference between the two plans, in normalised terms (`icna-{stack}`, `{region}`). */
export interface ParityFinding {
  readonly kind: ParityFindingKind;
  /** Pulumi type token of the resource concerned. */
  readonly resourceType: string;
  /** Normalised logical name, e.g. `icna-{stack}-blue`. */
  readonly resourceName: string;
  /** Dotted input path (`scalingConfig.desiredSize`), `(protect)`, or the policy name for a policy regression. */
  readonly path?: string;
  /** The primary's value (normalised), when it has one. */
  readonly primary?: PlanValue;
  /** The DR value (normalised, except for primary references, which show the raw text). */
  readonly dr?: PlanValue;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/** A difference that an intended-difference rule accepts. */
export interface AcceptedDifference {
  readonly finding: ParityFinding;
  /** Id of the rule that accepts it. */
  readonly rule: string;
}

/** Whether the policy comparison ran. */
export type PolicyComparison =
  { readonly ran: true; readonly rulesEvaluated: number } | { readonly ran: false; readonly reason: string };

/** The result of `icna dr check`. */
export interface ParityReport {
  readonly from: string;
  readonly to: string;
  readonly primaryRegion: string;
  readonly drRegion: string;
  /** Resources compared on each side. */
  readonly resourceCount: { readonly primary: number; readonly dr: number };
  /** Every intended-difference rule, with its reason (the report prints them). */
  readonly rules: readonly { readonly id: string; readonly reason: string }[];
  /** Differences no rule accepts: any one fails the check. */
  readonly unintended: readonly ParityFinding[];
  /** Differences accepted as intended, with the rule that accepted each. */
  readonly intended: readonly AcceptedDifference[];
  readonly policies: PolicyComparison;
  /** True when there is no unintended difference. */
  readonly ok: boolean;
}
