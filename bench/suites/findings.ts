import * as fs from "node:fs";
import * as path from "node:path";
import { planStack } from "../../review/plan/stack-plan";
import { RISK_CATEGORIES, RISK_SEVERITIES, severityRank } from "../../review/risk/finding";
import { Review } from "../../review/review";
import { reviewOfflinePlan, reviewPreviewFile } from "../../review/run-review";
import { BenchSuite } from "../run";

const FIXTURES = path.join(__dirname, "..", "..", "review", "fixtures");

/** Recorded previews in the repository: every file under review/fixtures/{real,scenarios}. */
function recordedPreviews(): string[] {
  return ["real", "scenarios"].flatMap((dir) =>
    fs
      .readdirSync(path.join(FIXTURES, dir))
      .filter((f) => f.endsWith(".json") || f.endsWith(".jsonl"))
      .sort()
      .map((f) => path.join(FIXTURES, dir, f)),
  );
}

/** A medium-or-higher finding that only says "this is decided at deploy" (the unknown-values rule). */
const decidedAtDeploy = (id: string) => id.startsWith("uncertainty:unknown-values:") || id.startsWith("uncertainty:decided-at-deploy:");

function row(source: string, review: Review): string {
  const findings = review.findings;
  const bySeverity = [...RISK_SEVERITIES].reverse().map((s) => findings.filter((f) => f.severity === s).length);
  const byCategory = RISK_CATEGORIES.map((c) => [c, findings.filter((f) => f.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`)
    .join(", ");
  const serious = findings.filter((f) => severityRank(f.severity) >= severityRank("medium"));
  const deployOnly = serious.filter((f) => decidedAtDeploy(f.id)).length;
  const share = serious.length === 0 ? "–" : `${deployOnly}/${serious.length} (${Math.round((100 * deployOnly) / serious.length)}%)`;
  const first = findings[0] ? `${findings[0].severity} ${findings[0].category}` : "–";
  return `| ${source} | ${review.verdict} | ${findings.length} | ${bySeverity.join(" / ")} | ${byCategory || "–"} | ${share} | ${first} |`;
}

/**
 * Review precision: findings per severity and category for each shipped stack's offline review and
 * each recorded preview in the repository, with the share of medium-or-higher findings that only say
 * a value is decided at deploy. Deterministic (no LLM); no setting of the risk rules was tuned on
 * these inputs.
 */
const suite: BenchSuite = {
  name: "findings",
  description: "Review precision: findings per severity and category for the shipped stacks and the recorded previews, and the share of medium+ findings that are 'decided at deploy'.",
  async run() {
    const rows: string[] = [];
    for (const stack of ["dev", "prod", "dr"] as const) {
      try {
        const { config, plan } = await planStack(stack);
        const review = await reviewOfflinePlan({ name: stack, kind: config.environment, region: config.region }, plan, undefined, { llm: { enabled: false } });
        rows.push(row(`\`icna review --stack ${stack}\` (offline plan)`, review));
      } catch (error) {
        rows.push(`| \`--stack ${stack}\` | could not plan: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]} | | | | | |`);
      }
    }
    for (const file of recordedPreviews()) {
      const label = `\`${path.relative(FIXTURES, file)}\``;
      try {
        rows.push(row(label, await reviewPreviewFile(file, undefined, { llm: { enabled: false } })));
      } catch (error) {
        rows.push(`| ${label} | not reviewable: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]} | | | | | |`);
      }
    }
    return [
      "### Findings of the deterministic review (no LLM)",
      "",
      "Severity counts are critical / high / medium / low. *Decided at deploy* is the share of medium-or-higher",
      "findings that only say a value is unknown until `pulumi up` (rule `unknown-values`); low notes are not counted.",
      "",
      "| Input | Verdict | Findings | Crit / high / med / low | By category | Medium+ decided at deploy | First finding |",
      "|---|---|---:|---|---|---:|---|",
      ...rows,
      "",
    ].join("\n");
  },
};

export default suite;
