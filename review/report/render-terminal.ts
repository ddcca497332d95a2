import { AdvisorReview } from "../review";
import { Finding } from "../risk/finding";
import { costLine, countsLine, llmLine, policyLine } from "./format-helpers";

const ICON = { pass: "PASS", warn: "WARN", block: "BLOCK" } as const;

/** Plain-text report for a terminal; `color` adds ANSI colours to the verdict and severities. */
export function renderTerminal(review: AdvisorReview, options: { color?: boolean; maxFindings?: number } = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdictColour = { pass: 32, warn: 33, block: 31 }[review.verdict];
  const severityColour = { low: 36, medium: 33, high: 31, critical: 35 } as const;
  const lines = [
    `${paint(verdictColour, ICON[review.verdict])}  ${review.stack.name} (${review.stack.kind}): ${countsLine(review)}`,
    `  cost:   ${costLine(review)}`,
    `  policy: ${policyLine(review)}`,
    `  llm:    ${llmLine(review)}`,
  ];
  if (review.incomplete) lines.push(`  ${paint(31, "the preview did not finish: this review may miss changes")}`);
  if (review.llm.summary) lines.push("", ...review.llm.summary.split("\n").map((l) => `  ${l}`));
  const max = options.maxFindings ?? 25;
  const line = (f: Finding) => {
    const state = review.gate.blocking.includes(f.id) ? " [blocks]" : review.gate.approved.includes(f.id) ? " [approved]" : f.source === "llm" ? " [llm]" : "";
    return [`  ${paint(severityColour[f.severity], f.severity.toUpperCase().padEnd(8))} ${f.title}${state}`, `           id: ${f.id}`, `           do: ${f.recommendation}`];
  };
  if (review.findings.length > 0) {
    lines.push("", `Findings (${review.findings.length}):`);
    for (const f of review.findings.slice(0, max)) lines.push(...line(f));
    if (review.findings.length > max) lines.push(`  … ${review.findings.length - max} more (use --json for all)`);
  }
  if (review.gate.blocking.length > 0) lines.push("", `Blocked: fix the blocking findings, or approve each one deliberately with --approve <id>.`);
  if (review.gate.unmatchedApprovals.length > 0) lines.push(`Approvals that match no blocking finding: ${review.gate.unmatchedApprovals.join(", ")}`);
  return lines.join("\n") + "\n";
}
