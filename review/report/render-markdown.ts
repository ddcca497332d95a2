import { AdvisorReview } from "../review";
import { Finding } from "../risk/finding";
import { costLine, countsLine, llmLine, policyLine, usd } from "./format-helpers";

/** GitHub rejects comments of 65,536 characters or more; stay well under it. */
export const MARKDOWN_LIMIT = 65_536;
const BUDGET = 60_000;

/** Marks the advisor's comment so CI can find and update it in place. */
export function commentMarker(stack: string): string {
  return `<!-- icna-advisor:${stack} -->`;
}

/** Plan data is untrusted: no HTML, no table breaks, no mentions. */
export function escapeMarkdown(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/@/g, "@\u200b").replace(/\r?\n/g, " ");
}
const code = (text: string) => `\`${text.replace(/`/g, "ˋ")}\``;

const HEAD = { pass: "✅ PASS", warn: "⚠️ WARN", block: "⛔ BLOCK" } as const;

function findingRow(blocking: ReadonlySet<string>, approved: ReadonlySet<string>, f: Finding): string {
  const state = blocking.has(f.id) ? "**blocks**" : approved.has(f.id) ? "approved" : f.source === "llm" ? "llm" : "";
  return `| ${f.severity} | ${f.category} | ${escapeMarkdown(f.title)} | ${code(f.id)} | ${state} |`;
}

/** Lines added until the budget is spent; the rest is counted, not shown. */
function fit(lines: readonly string[], budget: number, what: string): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget) {
      out.push(`… ${lines.length - i} more ${what} not shown (see the JSON report).`);
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

/** The pull-request comment: verdict, counts, top risks, cost delta and policy first; details folded. Always under 65,536 characters. */
export function renderMarkdown(review: AdvisorReview, options: { topRisks?: number } = {}): string {
  const top = review.findings.slice(0, options.topRisks ?? 10);
  const head = [
    commentMarker(review.stack.name),
    `## ${HEAD[review.verdict]} · ICNA advisor · \`${escapeMarkdown(review.stack.name)}\` (${review.stack.kind})`,
    "",
    `**Changes:** ${countsLine(review)}  `,
    `**Cost:** ${escapeMarkdown(costLine(review))}  `,
    `**Policy:** ${escapeMarkdown(policyLine(review))}  `,
    `**LLM:** ${escapeMarkdown(llmLine(review))}`,
    ...(review.incomplete ? ["", "> **The preview did not finish**: this review may miss changes."] : []),
    "",
  ];
  if (top.length > 0) {
    head.push("### Top risks", "", "| Severity | Category | Finding | Id | |", "|---|---|---|---|---|", ...top.map((f) => findingRow(new Set(review.gate.blocking), new Set(review.gate.approved), f)), "");
  } else {
    head.push("No risks found.", "");
  }
  if (review.gate.blocking.length > 0) head.push(`Blocked by ${review.gate.blocking.length} finding(s): fix them, or approve each deliberately with \`--approve <id>\`.`, "");
  if (review.llm.summary) head.push("### Summary", "", ...review.llm.summary.split("\n").map((l) => escapeMarkdown(l)), "");

  const findingDetails = review.findings.map((f) =>
    [`- **${f.severity} · ${f.category}** ${escapeMarkdown(f.title)} (${code(f.id)})`, ...f.evidence.map((e) => `  - ${escapeMarkdown(e)}`), `  - _Do:_ ${escapeMarkdown(f.recommendation)}`].join("\n"),
  );
  const changeRows = review.changes
    .filter((c) => c.op !== "same" || c.protect.old !== c.protect.new)
    .map((c) => `| ${c.op} | ${code(c.type)} | ${escapeMarkdown(c.name)} | ${escapeMarkdown(c.changedPaths.slice(0, 8).join(", "))}${c.changedPaths.length > 8 ? ", …" : ""} |`);
  const costRows = [
    ...review.cost.items.map((i) => `| ${escapeMarkdown(i.name)} | ${code(i.type)} | ${i.before === undefined ? "–" : usd(i.before)} | ${i.after === undefined ? "–" : usd(i.after)} | ${usd(i.delta, true)} | ${escapeMarkdown(i.basis)} |`),
    ...review.cost.unpriced.map((u) => `| ${escapeMarkdown(u.name)} | ${code(u.type)} | unpriced | unpriced | – | ${escapeMarkdown(u.reason)} |`),
  ];
  const policyRows = [
    ...review.policy.violations.map((v) => `| ${v.enforcementLevel} | ${escapeMarkdown(v.policy)} | ${escapeMarkdown(v.resourceName)} | ${escapeMarkdown(v.message)} |`),
    ...review.policy.engineEvents.map((e) => `| ${e.enforcementLevel} | ${escapeMarkdown(e.policyName)} | ${escapeMarkdown(e.resourceUrn ? e.resourceUrn.slice(e.resourceUrn.lastIndexOf("::") + 2) : "stack")} | ${escapeMarkdown(e.message)} |`),
  ];

  const headText = head.join("\n");
  let remaining = BUDGET - headText.length;
  const sections: string[] = [];
  const fold = (title: string, header: string[], rows: string[], what: string, share: number) => {
    if (rows.length === 0) return;
    const budget = Math.max(500, Math.floor(remaining * share));
    const body = [`<details><summary>${title}</summary>`, "", ...header, ...fit(rows, budget, what), "", "</details>", ""].join("\n");
    remaining -= body.length;
    sections.push(body);
  };
  fold(`All findings (${review.findings.length})`, [], findingDetails, "findings", 0.4);
  fold(`Changes (${changeRows.length} not unchanged)`, ["| Op | Type | Name | Changed paths |", "|---|---|---|---|"], changeRows, "changes", 0.5);
  fold(`Cost (prices of ${review.cost.priceTable.recordedOn})`, ["| Resource | Type | Before/month | After/month | Delta | Basis |", "|---|---|---|---|---|---|"], costRows, "cost lines", 0.5);
  fold(`Policy results (${policyRows.length})`, ["| Level | Policy | Resource | Message |", "|---|---|---|---|"], policyRows, "policy results", 0.9);
  const text = `${headText}\n${sections.join("\n")}`;
  return text.length < MARKDOWN_LIMIT ? text : `${text.slice(0, BUDGET)}\n\n… truncated (see the JSON report).\n`;
}
