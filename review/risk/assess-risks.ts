import { compareFindings, Finding, findingId } from "./finding";
import { RiskContext, RiskInput } from "./risk-context";
import { RiskRule } from "./risk-rule";
import { RISK_RULES } from "./rules";

/**
 * Runs every risk rule over a change set. A rule that throws fails closed: its error becomes a high
 * uncertainty finding, so a bug can never turn into a silent pass. Findings with the same id are
 * merged (the more severe wins).
 */
export function assessRisks(input: RiskInput, rules: readonly RiskRule[] = RISK_RULES): Finding[] {
  const context = new RiskContext(input);
  const byId = new Map<string, Finding>();
  for (const rule of rules) {
    let findings: Finding[];
    try {
      findings = rule.evaluate(context);
    } catch (error) {
      findings = [
        {
          id: findingId("uncertainty", `rule-failed:${rule.id}`, [input.stack.name]),
          category: "uncertainty",
          severity: "high",
          urns: [],
          title: `The ${rule.id} check could not run, so its risks are unknown`,
          evidence: [error instanceof Error ? error.message : String(error)],
          recommendation: "Report this as an ICNA bug with the preview file; review the change by hand meanwhile.",
          source: "rules",
        },
      ];
    }
    for (const finding of findings) {
      const existing = byId.get(finding.id);
      if (!existing || compareFindings(finding, existing) < 0) byId.set(finding.id, finding);
    }
  }
  return [...byId.values()].sort(compareFindings);
}
