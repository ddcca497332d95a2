import { AdvisorReview } from "../review";

export const usd = (n: number, sign = false) => `${sign && n > 0 ? "+" : n < 0 ? "−" : ""}$${Math.abs(n).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** "4 replace · 2 update · 2 same" in a fixed op order. */
export function countsLine(review: AdvisorReview): string {
  const order = ["create", "update", "replace", "delete", "import", "read", "same"];
  const entries = Object.entries(review.counts).sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return entries.length === 0 ? "no changes" : entries.map(([op, n]) => `${n} ${op}`).join(" · ");
}

export function costLine(review: AdvisorReview): string {
  const { cost } = review;
  if (cost.region === null || cost.note) return `not priced (${cost.note ?? "region unknown"})`;
  const unpriced = cost.unpriced.length > 0 ? `; ${cost.unpriced.length} resource${cost.unpriced.length === 1 ? "" : "s"} unpriced` : "";
  return `${usd(cost.monthly.delta, true)}/month (priced total ${usd(cost.monthly.before)} → ${usd(cost.monthly.after)}${unpriced}; ${cost.region} list prices of ${cost.priceTable.recordedOn})`;
}

export function policyLine(review: AdvisorReview): string {
  const p = review.policy;
  if (!p.evaluated) return "not evaluated";
  const parts = [`${p.mandatory} mandatory`, `${p.advisory} advisory violation${p.advisory === 1 ? "" : "s"}`];
  if (p.undecided > 0) parts.push(`${p.undecided} undecided until deploy`);
  return `${parts.join(", ")}${p.rulesEvaluated > 0 ? ` (${p.rulesEvaluated} rule evaluations)` : ""}`;
}

export function llmLine(review: AdvisorReview): string {
  const { llm } = review;
  if (!llm.used) return llm.fallback ?? "not used";
  return `${llm.model}${llm.fallback ? ` (${llm.fallback})` : ""}`;
}
