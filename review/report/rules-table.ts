import { RISK_RULES } from "../risk/rules";
import { GATE_THRESHOLDS } from "../verdict/gate-thresholds";
import { RISK_CATEGORIES } from "../risk/finding";
import { PRICE_TABLE } from "../cost/price-table";

/** The risk rules table of docs/review.md, generated from the rules' own metadata. */
export function riskRulesTable(): string {
  return ["| Rule | Category | Looks for |", "|---|---|---|", ...RISK_RULES.map((r) => `| \`${r.id}\` | ${r.category} | ${r.description} |`)].join("\n");
}

/** The gate thresholds table of docs/review.md. */
export function gateThresholdsTable(): string {
  const kinds = Object.keys(GATE_THRESHOLDS) as (keyof typeof GATE_THRESHOLDS)[];
  return [
    `| Category | ${kinds.join(" | ")} |`,
    `|---|${kinds.map(() => "---").join("|")}|`,
    ...RISK_CATEGORIES.map((c) => `| ${c} | ${kinds.map((k) => (GATE_THRESHOLDS[k].blockAt[c] ? `blocks at ${GATE_THRESHOLDS[k].blockAt[c]}` : "never blocks")).join(" | ")} |`),
    `| (any) | ${kinds.map((k) => `warns at ${GATE_THRESHOLDS[k].warnAt}`).join(" | ")} |`,
  ].join("\n");
}

/** The priced regions line of docs/review.md. */
export function priceTableSummary(): string {
  return `Prices recorded ${PRICE_TABLE.recordedOn} for ${Object.keys(PRICE_TABLE.regions).join(", ")}; source: ${PRICE_TABLE.source}.`;
}
