import { AdvisorReview } from "../review";

/** The stable JSON contract CI and other tools read (documented in docs/advisor.md). */
export interface ReviewJson {
  readonly verdict: "pass" | "warn" | "block";
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
  readonly changes: Record<string, number>;
  readonly cost: AdvisorReview["cost"];
  readonly policy: {
    readonly evaluated: boolean;
    readonly rulesEvaluated: number;
    readonly mandatory: number;
    readonly advisory: number;
    readonly undecided: number;
    readonly violations: AdvisorReview["policy"]["violations"];
    readonly engineEvents: AdvisorReview["policy"]["engineEvents"];
  };
  readonly llm: { readonly used: boolean; readonly model: string | null; readonly fallback: string | null; readonly summary?: string };
  readonly gate: { readonly blocking: string[]; readonly approved: string[]; readonly unmatchedApprovals: string[]; readonly exitCode: number };
  readonly stack: AdvisorReview["stack"];
  readonly source: string;
  readonly incomplete: boolean;
}

export function toReviewJson(review: AdvisorReview): ReviewJson {
  return {
    verdict: review.verdict,
    findings: review.findings.map((f) => ({ id: f.id, category: f.category, severity: f.severity, urns: f.urns, title: f.title, evidence: f.evidence, recommendation: f.recommendation, source: f.source })),
    changes: { ...review.counts } as Record<string, number>,
    cost: review.cost,
    policy: { ...review.policy },
    llm: { used: review.llm.used, model: review.llm.model, fallback: review.llm.fallback, ...(review.llm.summary ? { summary: review.llm.summary } : {}) },
    gate: { blocking: review.gate.blocking, approved: review.gate.approved, unmatchedApprovals: review.gate.unmatchedApprovals, exitCode: review.exitCode },
    stack: review.stack,
    source: review.source,
    incomplete: review.incomplete,
  };
}
