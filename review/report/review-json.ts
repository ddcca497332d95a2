import type { StackKind } from "../../policies/model";
import { PlanValue } from "../plan/model";
import { ResourceSummary, ReviewResource } from "../resource-summary";
import { Review } from "../review";

/** The stable JSON contract of `icna review --json`, `--out <dir>/review.json` and `icna deploy`; review.schema.json documents it. */
export interface ReviewJson {
  /** The stack's name. */
  readonly stack: string;
  /** Where the changes came from: offline-plan, offline-plan-diff, preview-json, event-log, automation-events. */
  readonly source: string;
  /** True when the preview failed part-way: changes may be missing. */
  readonly incomplete: boolean;
  readonly verdict: "pass" | "warn" | "block";
  readonly gate: {
    /** The stack kind whose thresholds decided the verdict. */
    readonly stackKind: StackKind;
    /** How the kind was decided when the stack's config does not say it. */
    readonly stackKindNote?: string;
    readonly blocking: string[];
    readonly approved: string[];
    readonly unmatchedApprovals: string[];
    readonly exitCode: number;
  };
  /** Counts of changes by op. */
  readonly changes: Record<string, number>;
  readonly findings: {
    readonly id: string;
    readonly category: string;
    readonly severity: "low" | "medium" | "high" | "critical";
    readonly urns: string[];
    readonly title: string;
    readonly evidence: string[];
    readonly recommendation: string;
    readonly source: "rules" | "llm";
  }[];
  readonly policy: Review["policy"];
  readonly cost: Review["cost"];
  readonly llm: { readonly used: boolean; readonly model: string | null; readonly fallback: string | null; readonly summary?: string };
  readonly resources: readonly ReviewResource[];
  readonly summary: ResourceSummary;
  /** Stack outputs, for an offline plan only. */
  readonly outputs?: Readonly<Record<string, PlanValue>>;
}

export function toReviewJson(review: Review): ReviewJson {
  return {
    stack: review.stack.name,
    source: review.source,
    incomplete: review.incomplete,
    verdict: review.verdict,
    gate: {
      stackKind: review.stack.kind,
      ...(review.stack.note ? { stackKindNote: review.stack.note } : {}),
      blocking: review.gate.blocking,
      approved: review.gate.approved,
      unmatchedApprovals: review.gate.unmatchedApprovals,
      exitCode: review.exitCode,
    },
    changes: { ...review.counts } as Record<string, number>,
    findings: review.findings.map((f) => ({ id: f.id, category: f.category, severity: f.severity, urns: f.urns, title: f.title, evidence: f.evidence, recommendation: f.recommendation, source: f.source })),
    policy: review.policy,
    cost: review.cost,
    llm: { used: review.llm.used, model: review.llm.model, fallback: review.llm.fallback, ...(review.llm.summary ? { summary: review.llm.summary } : {}) },
    resources: review.resources,
    summary: review.summary,
    ...(review.outputs ? { outputs: review.outputs } : {}),
  };
}
