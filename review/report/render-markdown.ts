import { renderComponentTree } from "../plan/component-tree";
import { countByType } from "../resource-summary";
import { Review } from "../review";
import { Finding, severityRank } from "../risk/finding";
import { costLine, countsLine, findingState, findingsByWeight, llmLine, policyLine, policyResults, sourceLine, usd } from "./format-helpers";
import { clip, code, escapeMarkdown, fit } from "./markdown-text";

/** GitHub rejects comments of 65,536 characters or more; stay well under it. */
export const MARKDOWN_LIMIT = 65_536;
const BUDGET = 60_000;
/** Rows of each first-screen table; the rest is folded. */
const FIRST_SCREEN_ROWS = 12;
const TITLE_CHARS = 300;

/** Marks the review's comment so CI can find and update it in place (one per stack). */
export function commentMarker(stack: string): string {
  return `<!-- icna-review:${stack} -->`;
}

const HEAD = { pass: "✅ PASS", warn: "⚠️ WARN", block: "⛔ BLOCK" } as const;

function findingRow(review: Review, f: Finding): string {
  const state = findingState(review, f);
  const cell = state === "blocks" ? "**blocks**" : (state ?? "");
  return `| ${f.severity} | ${f.category} | ${escapeMarkdown(clip(f.title, TITLE_CHARS))} | ${code(f.id)} | ${cell} |`;
}

/** "11 medium (10 uncertainty, 1 cost), 2 low (2 policy)": what the folded findings are, most severe first. */
function foldedCounts(findings: readonly Finding[]): string {
  const bySeverity = new Map<string, Map<string, number>>();
  for (const f of findings) {
    const categories = bySeverity.get(f.severity) ?? new Map<string, number>();
    categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
    bySeverity.set(f.severity, categories);
  }
  return [...bySeverity]
    .sort(([a], [b]) => severityRank(b as Finding["severity"]) - severityRank(a as Finding["severity"]))
    .map(([severity, categories]) => `${[...categories.values()].reduce((x, y) => x + y, 0)} ${severity} (${[...categories].map(([c, n]) => `${n} ${c}`).join(", ")})`)
    .join(", ");
}

/** Verdict, counts, the findings that matter and the policy violations: what a reviewer reads without scrolling. */
function firstScreen(review: Review): string[] {
  const lines = [
    commentMarker(review.stack.name),
    `## ${HEAD[review.verdict]} · ICNA review · \`${escapeMarkdown(review.stack.name)}\` (${review.stack.kind})`,
    "",
    `**Changes:** ${countsLine(review)} · ${review.summary.total} resources after the change  `,
    `**Cost:** ${escapeMarkdown(costLine(review))}  `,
    `**Policy:** ${escapeMarkdown(policyLine(review))}  `,
    `**LLM:** ${escapeMarkdown(llmLine(review))}  `,
    `**Reviewed:** ${sourceLine(review)}`,
    ...(review.stack.note ? ["", `> Gate: ${escapeMarkdown(review.stack.note)}.`] : []),
    ...(review.incomplete ? ["", "> **The preview did not finish**: this review may miss changes."] : []),
    "",
  ];
  if (review.gate.blocking.length > 0) lines.push(`**Blocked by ${review.gate.blocking.length} finding(s)**: fix them, or approve each deliberately with \`--approve <id>\`.`, "");
  const { matter, policy, notes } = findingsByWeight(review);
  const table = (findings: Finding[]) => ["| Severity | Category | Finding | Id | |", "|---|---|---|---|---|", ...findings.slice(0, FIRST_SCREEN_ROWS).map((f) => findingRow(review, f))];
  const more = (findings: Finding[]) => (findings.length > FIRST_SCREEN_ROWS ? [`| | | … ${findings.length - FIRST_SCREEN_ROWS} more under *All findings* | | |`] : []);
  if (matter.length > 0) lines.push(`### Blocking and high findings (${matter.length})`, "", ...table(matter), ...more(matter), "");
  else lines.push("No blocking or high finding outside the policies.", "");
  if (policy.length > 0) lines.push(`### Policy violations (${review.policy.mandatory} mandatory, ${review.policy.advisory} advisory)`, "", ...table(policy), ...more(policy), "");
  if (notes.length > 0) lines.push(`${notes.length} more finding(s), folded below: ${foldedCounts(notes)}.`, "");
  if (review.llm.summary) lines.push("### Summary (LLM)", "", ...clip(review.llm.summary, 3000).split("\n").map((l) => escapeMarkdown(l)), "");
  return lines;
}

/** Everything else, folded, each section within its share of what the first screen left. */
function foldedSections(review: Review, budget: number): string[] {
  const { matter, policy, notes } = findingsByWeight(review);
  const ordered = [...matter, ...policy, ...notes];
  const findingDetails = ordered.map((f) =>
    [`- **${f.severity} · ${f.category}** ${escapeMarkdown(clip(f.title, TITLE_CHARS))} (${code(f.id)})`, ...f.evidence.map((e) => `  - ${escapeMarkdown(clip(e, TITLE_CHARS))}`), `  - _Do:_ ${escapeMarkdown(clip(f.recommendation, TITLE_CHARS))}`].join("\n"),
  );
  const changeRows = review.changes
    .filter((c) => c.op !== "same" || c.protect.old !== c.protect.new)
    .map((c) => `| ${c.op} | ${code(c.type)} | ${escapeMarkdown(c.name)} | ${escapeMarkdown(c.changedPaths.slice(0, 8).join(", "))}${c.changedPaths.length > 8 ? ", …" : ""} |`);
  const costRows = [
    ...review.cost.items.map((i) => `| ${escapeMarkdown(i.name)} | ${code(i.type)} | ${i.before === undefined ? "–" : usd(i.before)} | ${i.after === undefined ? "–" : usd(i.after)} | ${usd(i.delta, true)} | ${escapeMarkdown(i.basis)} |`),
    ...review.cost.unpriced.map((u) => `| ${escapeMarkdown(u.name)} | ${code(u.type)} | unpriced | unpriced | – | ${escapeMarkdown(u.reason)} |`),
  ];
  const policyRows = policyResults(review).map((p) => `| ${p.level} | ${code(p.policy)} | ${escapeMarkdown(p.resource)} | ${escapeMarkdown(clip(p.message, TITLE_CHARS))} |`);
  const typeRows = countByType(review.resources).map((c) => `| ${code(c.type)} | ${c.count} |`);
  const tree = review.resources.length > 0 ? ["```", ...renderComponentTree(review.resources).split("\n").map((l) => l.replace(/`/g, "ˋ")), "```"] : [];

  let remaining = budget;
  const sections: string[] = [];
  const fold = (title: string, header: string[], rows: string[], what: string, share: number, footer: string[] = []) => {
    if (rows.length === 0) return;
    const body = [`<details><summary>${title}</summary>`, "", ...header, ...fit(rows, Math.max(500, Math.floor(remaining * share)), what), ...footer, "", "</details>", ""].join("\n");
    remaining -= body.length;
    sections.push(body);
  };
  fold(`All findings, with evidence and what to do (${review.findings.length})`, [], findingDetails, "findings", 0.35);
  fold(`Changes (${changeRows.length} not unchanged)`, ["| Op | Type | Name | Changed paths |", "|---|---|---|---|"], changeRows, "changes", 0.4);
  fold(`Cost (prices of ${review.cost.priceTable.recordedOn})`, ["| Resource | Type | Before/month | After/month | Delta | Basis |", "|---|---|---|---|---|---|"], costRows, "cost lines", 0.4);
  fold(`Policy results (${policyRows.length})`, ["| Level | Policy | Resource | Message |", "|---|---|---|---|"], policyRows, "policy results", 0.5);
  fold(`Resources after the change by type (${review.summary.total})`, ["| Type | Count |", "|---|---:|"], typeRows, "types", 0.4);
  fold("Component tree", tree.slice(0, 1), tree.slice(1, -1), "tree lines", 0.9, tree.slice(-1));
  return sections;
}

/** The pull-request comment: the first screen, then every detail folded in `<details>`. Always under 65,536 characters. */
export function renderMarkdown(review: Review): string {
  const head = firstScreen(review).join("\n");
  const text = `${head}\n${foldedSections(review, BUDGET - head.length).join("\n")}`;
  return text.length < MARKDOWN_LIMIT ? text : `${text.slice(0, BUDGET)}\n\n… truncated (see the JSON report).\n`;
}
