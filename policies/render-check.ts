import { PolicyCheckReport } from "./check-file";

/** The JSON `icna policy check --json` prints. */
export function checkReportToJson(report: PolicyCheckReport): unknown {
  return {
    stack: report.stack,
    violations: report.violations.map((v) => ({
      policy: v.policy,
      resourceType: v.resourceType,
      resourceName: v.resourceName,
      ...(v.urn ? { urn: v.urn } : {}),
      enforcementLevel: v.enforcementLevel,
      severity: v.severity,
      message: v.message,
      ...(v.remediation ? { remediation: v.remediation } : {}),
    })),
    undecided: report.undecided,
    rulesEvaluated: report.rulesEvaluated,
    blocked: report.blocked,
  };
}

/** The terminal report of `icna policy check`. */
export function checkReportToText(report: PolicyCheckReport): string {
  const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const lines = [
    `Policy check of ${report.resourceCount} resource${report.resourceCount === 1 ? "" : "s"} as a ${report.stack.kind} stack (${report.stack.name}): ${report.rulesEvaluated} rule evaluations, ${report.violations.length} violation${report.violations.length === 1 ? "" : "s"} (${mandatory} mandatory)`,
  ];
  for (const v of report.violations) {
    lines.push("", `${v.enforcementLevel.toUpperCase()} ${v.severity} ${v.policy}  ${v.resourceType} "${v.resourceName}"`, `  ${v.message}`);
    if (v.remediation) lines.push(`  fix: ${v.remediation}`);
  }
  if (report.undecided.length > 0) {
    lines.push("", `${report.undecided.length} check${report.undecided.length === 1 ? "" : "s"} wait for values known only after \`pulumi up\`:`);
    for (const u of report.undecided) lines.push(`  ${u.policy}  ${u.resourceType} "${u.resourceName}": ${u.reason}`);
  }
  lines.push("", report.blocked ? "BLOCKED: fix the mandatory violations above." : "PASSED: no mandatory violation.");
  return lines.join("\n");
}
