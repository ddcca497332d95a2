import { changesFromOfflinePlan } from "../../review/changes/from-offline-plan";
import { parseChangeSet } from "../../review/changes/load-change-set";
import { renderMarkdown } from "../../review/report/render-markdown";
import { reviewDeterministic, reviewChangeSet } from "../../review/review";
import { generatedChanges, toPreviewDigestText } from "../../review/testing/generated-preview";
import { planStack } from "../../review/plan/stack-plan";
import { BenchSuite } from "../run";

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

const ms = (n: number) => n.toFixed(1);

/**
 * How long the deterministic advisor takes: parsing a `pulumi preview --json` digest, reviewing it
 * (risk rules, cost, verdict) and rendering the PR comment, for generated previews of 200, 2,000 and
 * 10,000 changes (medians of 7 runs), plus the offline plans of the shipped stacks.
 */
const suite: BenchSuite = {
  name: "advisor",
  description: "Advisor review time (deterministic part, no LLM) for generated previews and the shipped stacks' offline plans.",
  async run() {
    const rows: string[] = [];
    for (const size of [200, 2000, 10000]) {
      const changes = generatedChanges(size);
      const text = toPreviewDigestText(changes);
      const parse: number[] = [];
      const review: number[] = [];
      const render: number[] = [];
      let findings = 0;
      let verdict = "";
      let commentChars = 0;
      for (let run = 0; run < RUNS; run++) {
        const parsed = time(() => parseChangeSet(text, "generated.json"));
        const reviewed = time(() => reviewDeterministic({ changes: parsed.value, stack: { name: "prod", kind: "prod", region: "eu-west-1" } }));
        const full = await reviewChangeSet({ changes: parsed.value, stack: { name: "prod", kind: "prod", region: "eu-west-1" }, llm: { enabled: false } });
        const rendered = time(() => renderMarkdown(full));
        parse.push(parsed.ms);
        review.push(reviewed.ms);
        render.push(rendered.ms);
        findings = reviewed.value.findings.length;
        verdict = reviewed.value.verdict;
        commentChars = rendered.value.length;
      }
      rows.push(`| ${size.toLocaleString("en-US")} | ${(text.length / 1e6).toFixed(1)} MB | ${ms(median(parse))} | ${ms(median(review))} | ${ms(median(render))} | ${ms(median(parse) + median(review))} | ${findings} | ${verdict} | ${commentChars.toLocaleString("en-US")} |`);
    }

    const stackRows: string[] = [];
    for (const stack of ["dev", "prod", "dr"] as const) {
      let planned;
      try {
        planned = await planStack(stack);
      } catch (error) {
        stackRows.push(`| ${stack} | could not plan: ${(error instanceof Error ? error.message : String(error)).split("\n").slice(0, 2).join(" ")} | | | | | |`);
        continue;
      }
      const { config, plan } = planned;
      const set = changesFromOfflinePlan(plan);
      const runs = Array.from({ length: RUNS }, () => time(() => reviewDeterministic({ changes: set, stack: { name: stack, kind: config.environment, region: config.region } })));
      const last = runs[runs.length - 1].value;
      const monthly = last.cost.monthly.after.toLocaleString("en-US", { maximumFractionDigits: 0 });
      stackRows.push(`| ${stack} | ${plan.resources.length} | ${ms(median(runs.map((r) => r.ms)))} | ${last.findings.length} | ${last.verdict} | $${monthly} | ${last.cost.unpriced.length} |`);
    }

    return [
      "### Generated `pulumi preview --json` digests (median of 7 runs, ms)",
      "",
      "| Changes | Digest size | Parse | Review (risks + cost + verdict) | Markdown | Parse + review | Findings | Verdict | Comment chars |",
      "|---:|---:|---:|---:|---:|---:|---:|---|---:|",
      ...rows,
      "",
      "### Offline plans of the shipped stacks (every resource a create; review only, median ms)",
      "",
      "| Stack | Resources | Review | Findings | Verdict | Priced monthly cost | Unpriced |",
      "|---|---:|---:|---:|---|---:|---:|",
      ...stackRows,
      "",
    ].join("\n");
  },
};

export default suite;
