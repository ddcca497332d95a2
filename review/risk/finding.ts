import { createHash } from "node:crypto";

export const RISK_CATEGORIES = ["data-loss", "downtime", "security-exposure", "iam-escalation", "cost", "policy", "uncertainty"] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** One risk the advisor found: the unit of the JSON contract, the gate and `--approve`. */
export interface Finding {
  /** Stable across runs for the same resources: `<category>:<rule>:<hash of the urns>`. Approve it with `--approve <id>`. */
  readonly id: string;
  readonly category: RiskCategory;
  readonly severity: RiskSeverity;
  /** The resources involved. */
  readonly urns: string[];
  /** Consequence first, naming the real resources: "Replacing orders-db deletes its data: …". */
  readonly title: string;
  /** What in the change shows it: changed paths, values, counts. */
  readonly evidence: string[];
  /** What to do instead, or how to proceed safely. */
  readonly recommendation: string;
  /** Who raised it: the deterministic rules or the LLM (which can only add). */
  readonly source: "rules" | "llm";
}

/** `<category>:<slug>:<10 hex of sha256(sorted urns)>`. */
export function findingId(category: RiskCategory, slug: string, urns: readonly string[]): string {
  const hash = createHash("sha256").update([...urns].sort().join("\n")).digest("hex").slice(0, 10);
  return `${category}:${slug}:${hash}`;
}

export function severityRank(severity: RiskSeverity): number {
  return RISK_SEVERITIES.indexOf(severity);
}

export function maxSeverity(a: RiskSeverity, b: RiskSeverity): RiskSeverity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** Most severe first, then by category and id, so reports are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity) || RISK_CATEGORIES.indexOf(a.category) - RISK_CATEGORIES.indexOf(b.category) || a.id.localeCompare(b.id);
}
