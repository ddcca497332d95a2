import type { PolicyViolation, UndecidedCheck } from "../policies/model";
import { Change, ChangeOp, ChangeSet, ChangeSource, countByOp, EnginePolicyEvent } from "./changes/change";
import { CostReport, costDeltas, estimateCost } from "./cost/estimate-cost";
import { CostAssumptions } from "./cost/resource-pricing";
import { adviseWithLlm, LlmOutcome } from "./llm/advise";
import { LlmOptions } from "./llm/llm-options";
import { assessRisks } from "./risk/assess-risks";
import { compareFindings, Finding, severityRank } from "./risk/finding";
import { decideVerdict, EXIT_CODES, GateDecision, Verdict } from "./verdict/decide-verdict";
import { PlanValue } from "./plan/model";
import { resourcesAfter, ResourceSummary, ReviewResource, summarise } from "./resource-summary";
import { StackIdentity } from "./stack-identity";

/** What the review command hands over. */
export interface ReviewInput {
  /** The change: a change set from any input format, or bare changes (e.g. an offline plan's creates). */
  readonly changes: ChangeSet | readonly Change[];
  /** The stack; `region` prices the change unless the preview states its own `aws:region`. */
  readonly stack: StackIdentity;
  /** Stack outputs, when the input is an offline plan (a preview does not carry them). */
  readonly outputs?: Readonly<Record<string, PlanValue>>;
  /** Result of the offline policy engine (policies/evaluate.ts), when it ran. */
  readonly policy?: { readonly violations: readonly PolicyViolation[]; readonly rulesEvaluated: number; readonly undecided?: readonly UndecidedCheck[] };
  /** Finding ids approved with `--approve`. */
  readonly approvals?: readonly string[];
  /** LLM settings; without an API key the review is deterministic only. */
  readonly llm?: LlmOptions;
  readonly costAssumptions?: Partial<CostAssumptions>;
}

/** The `policy` section: offline engine results and the engine's own policy events. */
export interface PolicySection {
  readonly evaluated: boolean;
  readonly rulesEvaluated: number;
  readonly mandatory: number;
  readonly advisory: number;
  readonly undecided: number;
  readonly violations: readonly PolicyViolation[];
  readonly engineEvents: readonly EnginePolicyEvent[];
}

/** Everything a review found, whatever its input; `toReviewJson` turns it into the stable JSON contract. */
export interface Review {
  /** Name, kind (which gate applies) and region; `note` says how the kind was decided when not from the stack's config. */
  readonly stack: StackIdentity;
  readonly source: ChangeSource | "changes";
  readonly verdict: Verdict;
  readonly exitCode: number;
  readonly gate: GateDecision;
  /** Deterministic findings, then the LLM's, each sorted most severe first. */
  readonly findings: Finding[];
  readonly changes: readonly Change[];
  readonly counts: Partial<Record<ChangeOp, number>>;
  readonly cost: CostReport;
  readonly policy: PolicySection;
  readonly llm: LlmOutcome;
  /** Every resource after the change (deleted ones excluded). */
  readonly resources: readonly ReviewResource[];
  readonly summary: ResourceSummary;
  /** Stack outputs, offline plans only. */
  readonly outputs?: Readonly<Record<string, PlanValue>>;
  /** True when the preview failed part-way. */
  readonly incomplete: boolean;
  readonly diagnostics: ChangeSet["diagnostics"];
  /** Milliseconds spent in the deterministic part (parse excluded) and in the LLM. */
  readonly timings: { readonly deterministicMs: number; readonly llmMs: number };
}

function asChangeSet(changes: ReviewInput["changes"]): ChangeSet & { source: ChangeSource | "changes" } {
  if (Array.isArray(changes)) return { source: "changes" as ChangeSource, changes: [...(changes as Change[])], policyEvents: [], diagnostics: [], incomplete: false };
  return changes as ChangeSet;
}

/** The deterministic review: risks, cost and verdict, with no network. */
export function reviewDeterministic(input: ReviewInput): Omit<Review, "llm" | "timings"> {
  const set = asChangeSet(input.changes);
  const cost = estimateCost(set.changes, { region: set.region ?? input.stack.region, assumptions: input.costAssumptions });
  const findings = assessRisks({
    changes: set.changes,
    stack: input.stack,
    // A whole stack planned from nothing has a cost, not a cost increase: the cost section reports it.
    monthlyCostDelta: set.source === "offline-plan" ? new Map() : costDeltas(cost),
    policyViolations: input.policy?.violations,
    policyEvents: set.policyEvents,
    diagnostics: set.diagnostics,
    incomplete: set.incomplete,
  });
  const gate = decideVerdict(findings, input.stack.kind, input.approvals ?? []);
  const violations = input.policy?.violations ?? [];
  const engineEvents = set.policyEvents;
  const resources = resourcesAfter(set.changes);
  return {
    stack: input.stack,
    source: set.source,
    verdict: gate.verdict,
    exitCode: EXIT_CODES[gate.verdict],
    gate,
    findings,
    changes: set.changes,
    counts: countByOp(set.changes),
    cost,
    policy: {
      evaluated: input.policy !== undefined || engineEvents.length > 0,
      rulesEvaluated: input.policy?.rulesEvaluated ?? 0,
      mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length + engineEvents.filter((e) => e.enforcementLevel === "mandatory").length,
      advisory: violations.filter((v) => v.enforcementLevel === "advisory").length + engineEvents.filter((e) => e.enforcementLevel !== "mandatory" && e.enforcementLevel !== "none").length,
      undecided: input.policy?.undecided?.length ?? 0,
      violations,
      engineEvents,
    },
    resources,
    summary: summarise(resources),
    ...(input.outputs ? { outputs: input.outputs } : {}),
    incomplete: set.incomplete,
    diagnostics: set.diagnostics,
  };
}

/**
 * Reviews a change set: deterministic risks, cost and policy decide the verdict; the LLM (when a
 * key is configured) adds a summary and findings that can turn a pass into a warn but never lower
 * a severity or lift a block.
 */
export async function reviewChangeSet(input: ReviewInput): Promise<Review> {
  const started = performance.now();
  const base = reviewDeterministic(input);
  const deterministicMs = performance.now() - started;
  const llmStarted = performance.now();
  const llm = await adviseWithLlm(base.changes, base.findings, { name: base.stack.name, kind: base.stack.kind }, input.llm);
  const llmMs = performance.now() - llmStarted;
  const llmRaisesWarning = base.verdict === "pass" && llm.findings.some((f) => severityRank(f.severity) >= severityRank("medium"));
  const verdict: Verdict = llmRaisesWarning ? "warn" : base.verdict;
  return {
    ...base,
    verdict,
    exitCode: EXIT_CODES[verdict],
    findings: [...base.findings, ...[...llm.findings].sort(compareFindings)],
    llm,
    timings: { deterministicMs, llmMs },
  };
}
