import { findingId, Finding, RiskSeverity } from "../finding";
import { RiskRule } from "../risk-rule";

/** Policy results become findings: mandatory violations are high (they block prod), advisory ones follow the rule's own severity, capped at medium. */
export const policyViolations: RiskRule = {
  id: "policy-violation",
  category: "policy",
  description: "A CrossGuard policy (offline engine or the engine's policy events) reports a violation.",
  evaluate(context) {
    const offline = context.policyViolations.map((v): Finding => {
      const mandatory = v.enforcementLevel === "mandatory";
      const severity: RiskSeverity = mandatory ? (v.severity === "critical" ? "critical" : "high") : v.severity === "low" ? "low" : "medium";
      const urns = v.urn ? [v.urn] : [];
      return {
        id: findingId("policy", `${this.id}:${v.policy}`, urns.length > 0 ? urns : [`${v.resourceType}::${v.resourceName}`]),
        category: "policy",
        severity,
        urns,
        title: `${mandatory ? "Policy blocks" : "Policy warns about"} ${v.resourceName}: ${v.message}`,
        evidence: [`policy: ${v.policy} (${v.enforcementLevel}, ${v.severity})`, `resource: ${v.resourceType} ${v.resourceName}`],
        recommendation: v.remediation ?? "Fix the resource as the policy describes.",
        source: "rules",
      };
    });
    const engine = context.policyEvents
      .filter((e) => e.enforcementLevel !== "none")
      .map((e): Finding => {
        const mandatory = e.enforcementLevel === "mandatory";
        const urns = e.resourceUrn ? [e.resourceUrn] : [];
        const subject = e.resourceUrn ? context.nameOf(e.resourceUrn) : "the stack";
        return {
          id: findingId("policy", `${this.id}:${e.policyName}`, urns.length > 0 ? urns : [e.policyPackName]),
          category: "policy",
          severity: mandatory ? "high" : "medium",
          urns,
          title: `${mandatory ? "Policy blocks" : "Policy warns about"} ${subject}: ${e.message.trim() || e.policyName}`,
          evidence: [`policy: ${e.policyPackName}@${e.policyPackVersion} ${e.policyName} (${e.enforcementLevel})`],
          recommendation: "Fix the resource as the policy describes; a mandatory violation also fails `pulumi up`.",
          source: "rules",
        };
      });
    return [...offline, ...engine];
  },
};
