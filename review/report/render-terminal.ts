import { renderComponentTree } from "../plan/component-tree";
import { countByType } from "../resource-summary";
import { Review } from "../review";
import { Finding } from "../risk/finding";
import { costLine, countsLine, findingState, llmLine, policyLine, sourceLine } from "./format-helpers";

const ICON = { pass: "PASS", warn: "WARN", block: "BLOCK" } as const;

export interface TerminalOptions {
  /** ANSI colours on the verdict and severities. @default false */
  readonly color?: boolean;
  /** Findings listed before "… N more". @default 25 */
  readonly maxFindings?: number;
  /** Resource types listed before "… N more". @default 15 */
  readonly maxTypes?: number;
}

function resourceLines(review: Review, maxTypes: number): string[] {
  if (review.resources.length === 0) return [];
  const counts = countByType(review.resources);
  const width = Math.max(...counts.slice(0, maxTypes).map((c) => c.type.length));
  const lines = ["", `Resources after the change (${review.summary.total}, ${counts.length} types):`, ...counts.slice(0, maxTypes).map((c) => `  ${c.type.padEnd(width)}  ${String(c.count).padStart(4)}`)];
  if (counts.length > maxTypes) lines.push(`  … ${counts.length - maxTypes} more types (use --json for all)`);
  // The tree explains a whole offline plan; for a preview's changes the list of findings does.
  if (review.source === "offline-plan" || review.source === "offline-plan-diff") lines.push("", "Component tree:", ...renderComponentTree(review.resources).split("\n").map((l) => `  ${l}`));
  return lines;
}

/** Plain-text report for a terminal: verdict and counts first, the verdict repeated on the last line. */
export function renderTerminal(review: Review, options: TerminalOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdictColour = { pass: 32, warn: 33, block: 31 }[review.verdict];
  const severityColour = { low: 36, medium: 33, high: 31, critical: 35 } as const;
  const region = review.stack.region ? `, ${review.stack.region}` : "";
  const lines = [
    `${paint(verdictColour, ICON[review.verdict])}  ${review.stack.name} (${review.stack.kind}${region}): ${countsLine(review)}`,
    `  source: ${sourceLine(review)}`,
    `  cost:   ${costLine(review)}`,
    `  policy: ${policyLine(review)}`,
    `  llm:    ${llmLine(review)}`,
  ];
  if (review.stack.note) lines.push(`  gate:   ${review.stack.note}`);
  if (review.incomplete) lines.push(`  ${paint(31, "the preview did not finish: this review may miss changes")}`);
  if (review.llm.summary) lines.push("", ...review.llm.summary.split("\n").map((l) => `  ${l}`));
  const max = options.maxFindings ?? 25;
  const line = (f: Finding) => {
    const state = findingState(review, f);
    const mark = state ? ` [${state}]` : "";
    return [`  ${paint(severityColour[f.severity], f.severity.toUpperCase().padEnd(8))} ${f.title}${mark}`, `           id: ${f.id}`, `           do: ${f.recommendation}`];
  };
  if (review.findings.length > 0) {
    lines.push("", `Findings (${review.findings.length}):`);
    for (const f of review.findings.slice(0, max)) lines.push(...line(f));
    if (review.findings.length > max) lines.push(`  … ${review.findings.length - max} more (use --json for all)`);
  }
  lines.push(...resourceLines(review, options.maxTypes ?? 15));
  if (review.gate.blocking.length > 0) lines.push("", `Blocked: fix the blocking findings, or approve each one deliberately with --approve <id>.`);
  if (review.gate.unmatchedApprovals.length > 0) lines.push(`Approvals that match no blocking finding: ${review.gate.unmatchedApprovals.join(", ")}`);
  lines.push("", `Verdict: ${review.verdict}`);
  return lines.join("\n") + "\n";
}
