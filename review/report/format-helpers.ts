import { nameFromUrn } from "../changes/change";
import { Review } from "../review";
import { Finding, severityRank } from "../risk/finding";

export const usd = (n: number, sign = false) => `${sign && n > 0 ? "+" : n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** "4 replace · 2 update · 2 same" in a fixed op order. */
export function countsLine(review: Review): string {
  const order = ["create", "update", "replace", "delete", "import", "read", "same"];
  const entries = Object.entries(review.counts).sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return entries.length === 0 ? "no changes" : entries.map(([op, n]) => `${n} ${op}`).join(" · ");
}

export function costLine(review: Review): string {
  const { cost } = review;
  if (cost.region === null || cost.note) return `not priced (${cost.note ?? "region unknown"})`;
  const unpriced = cost.unpriced.length > 0 ? `; ${cost.unpriced.length} resource${cost.unpriced.length === 1 ? "" : "s"} unpriced` : "";
  return `${usd(cost.monthly.delta, true)}/month (priced total ${usd(cost.monthly.before)} → ${usd(cost.monthly.after)}${unpriced}; ${cost.region} list prices of ${cost.priceTable.recordedOn})`;
}

export function policyLine(review: Review): string {
  const p = review.policy;
  if (!p.evaluated) return "not evaluated";
  const parts = [`${p.mandatory} mandatory`, `${p.advisory} advisory violation${p.advisory === 1 ? "" : "s"}`];
  if (p.undecided > 0) parts.push(`${p.undecided} undecided until deploy`);
  return `${parts.join(", ")}${p.rulesEvaluated > 0 ? ` (${p.rulesEvaluated} rule evaluations)` : ""}`;
}

export function llmLine(review: Review): string {
  const { llm } = review;
  if (!llm.used) return llm.fallback ?? "not used";
  return `${llm.model}${llm.fallback ? ` (${llm.fallback})` : ""}`;
}

const SOURCE_LINES: Record<Review["source"], string> = {
  "offline-plan": "offline plan: the stack program under Pulumi's SDK mocks in preview mode, no credentials used (every resource a create)",
  "offline-plan-diff": "difference between two offline plans (the base plan and this one)",
  "preview-json": "real preview: `pulumi preview --json`",
  "event-log": "real preview: `pulumi preview --event-log`",
  "automation-events": "real preview: Automation API events",
  changes: "changes handed over by the caller",
};

/** What the review read, in words. */
export function sourceLine(review: Review): string {
  return SOURCE_LINES[review.source];
}

/** How the gate treats a finding, for its row: it blocks, it was approved, or the LLM raised it. */
export function findingState(review: Review, finding: Finding): "blocks" | "approved" | "llm" | undefined {
  if (review.gate.blocking.includes(finding.id)) return "blocks";
  if (review.gate.approved.includes(finding.id)) return "approved";
  return finding.source === "llm" ? "llm" : undefined;
}

/** The findings a reader must see first, in that order, and the rest (lower-weight notes). */
export interface FindingsByWeight {
  /** Blocking findings, then high and critical ones; policy violations excluded (they have their own list). */
  readonly matter: Finding[];
  /** Policy violations: blocking first, then most severe first. */
  readonly policy: Finding[];
  /** Everything else: medium and low findings of the other categories. */
  readonly notes: Finding[];
}

export function findingsByWeight(review: Review): FindingsByWeight {
  const blocking = new Set(review.gate.blocking);
  const blockingFirst = (list: Finding[]) => [...list.filter((f) => blocking.has(f.id)), ...list.filter((f) => !blocking.has(f.id))];
  const others = review.findings.filter((f) => f.category !== "policy");
  const matters = (f: Finding) => blocking.has(f.id) || severityRank(f.severity) >= severityRank("high");
  return {
    matter: blockingFirst(others.filter(matters)),
    policy: blockingFirst(review.findings.filter((f) => f.category === "policy")),
    notes: others.filter((f) => !matters(f)),
  };
}

/** Offline violations and the engine's policy events, mandatory first. */
export function policyResults(review: Review): { level: string; policy: string; resource: string; message: string }[] {
  const rank = (level: string) => (level === "mandatory" ? 0 : 1);
  return [
    ...review.policy.violations.map((v) => ({ level: v.enforcementLevel, policy: v.policy, resource: v.resourceName, message: v.message })),
    ...review.policy.engineEvents.map((e) => ({ level: e.enforcementLevel, policy: e.policyName, resource: e.resourceUrn ? nameFromUrn(e.resourceUrn) : "stack", message: e.message })),
  ].sort((a, b) => rank(a.level) - rank(b.level));
}
