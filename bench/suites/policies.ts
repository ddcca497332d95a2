import { performance } from "node:perf_hooks";
import { evaluatePolicies } from "../../policies/evaluate";
import { StackKind } from "../../policies/model";
import { RULES } from "../../policies/rules";
import { syntheticStack } from "../../policies/test-support/synthetic-stack";
import type { BenchSuite } from "../run";

/** Resources in the generated plan the issue asks about. */
const SIZE = 5000;
const RUNS = 7;
const TODAY = "2026-11-01";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeEvaluation(kind: StackKind, resources: ReturnType<typeof syntheticStack>, rules = RULES) {
  evaluatePolicies(resources, { name: kind, kind }, { today: TODAY, rules });
  const times: number[] = [];
  let last = evaluatePolicies(resources, { name: kind, kind }, { today: TODAY, rules });
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    last = evaluatePolicies(resources, { name: kind, kind }, { today: TODAY, rules });
    times.push(performance.now() - started);
  }
  return { ms: median(times), evaluation: last };
}

const suite: BenchSuite = {
  name: "policies",
  description: `Offline policy engine: every ICNA rule over a generated ${SIZE.toLocaleString("en")}-resource plan (copies of the compliant prod fixture, one in four carrying a planted violation); median of ${RUNS} runs after a warm-up.`,
  async run() {
    const resources = syntheticStack(SIZE);
    const rows: string[] = [];
    for (const kind of ["prod", "dev"] as const) {
      const { ms, evaluation } = timeEvaluation(kind, resources);
      const mandatory = evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").length;
      rows.push(
        `| ${kind} | ${resources.length.toLocaleString("en")} | ${RULES.filter((r) => r.enforcement[kind] !== "disabled").length} | ${evaluation.rulesEvaluated.toLocaleString("en")} | ${ms.toFixed(1)} | ${Math.round((evaluation.rulesEvaluated / ms) * 1000).toLocaleString("en")} | ${Math.round((resources.length / ms) * 1000).toLocaleString("en")} | ${evaluation.violations.length} (${mandatory} mandatory) |`,
      );
    }
    const perRule = RULES.map((rule) => ({ rule, ...timeEvaluation("prod", resources, [rule]) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8)
      .map(({ rule, ms, evaluation }) => `| \`${rule.name}\` | ${rule.scope} | ${evaluation.rulesEvaluated.toLocaleString("en")} | ${ms.toFixed(2)} |`);
    return [
      "| Stack kind | Resources | Enabled rules | Rule evaluations | Wall time (ms) | Rule evaluations / s | Resources / s | Violations |",
      "|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
      "A rule evaluation is one resource rule run on one resource of its types, or one stack rule run over the whole plan.",
      "",
      "Slowest rules on the same plan (prod), each run alone:",
      "",
      "| Rule | Scope | Evaluations | Median ms |",
      "|---|---|---|---|",
      ...perRule,
      "",
    ].join("\n");
  },
};

export default suite;
