import type { ParityFinding, ParityReport } from "./model";

const where = (f: ParityFinding) => `${f.resourceType} ${f.resourceName}${f.path ? ` · ${f.path}` : ""}`;

/** The parity report for a terminal: unintended differences first, then the rules and what each accepted. */
export function parityToText(report: ParityReport): string {
  const lines = [
    `DR parity: ${report.from} (${report.primaryRegion}) → ${report.to} (${report.drRegion}), ${report.resourceCount.primary} vs ${report.resourceCount.dr} resources`,
  ];
  lines.push(
    report.ok
      ? "Result: PASS, no unintended difference"
      : `Result: FAIL, ${report.unintended.length} unintended difference(s)`,
  );
  if (report.unintended.length > 0) {
    lines.push("", "Unintended differences:");
    for (const f of report.unintended) lines.push(`  ✗ [${f.kind}] ${where(f)}`, `      ${f.message}`);
  }
  const counts = new Map<string, number>();
  for (const accepted of report.intended) counts.set(accepted.rule, (counts.get(accepted.rule) ?? 0) + 1);
  lines.push("", "Intended differences (rules):");
  for (const rule of report.rules) {
    const count = counts.get(rule.id);
    lines.push(`  ${rule.id}${count ? ` (${count} accepted)` : ""}: ${rule.reason}`);
  }
  lines.push(
    "",
    report.policies.ran
      ? `Policies: compared (${report.policies.rulesEvaluated} rule evaluations)`
      : `Policies: not compared (${report.policies.reason})`,
  );
  return lines.join("\n");
}
