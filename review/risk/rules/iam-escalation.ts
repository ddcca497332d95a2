import { findingId, Finding, maxSeverity, RiskSeverity } from "../finding";
import { newGrants } from "../iam-grants";
import { RiskRule } from "../risk-rule";

/** A policy, role, attachment or EKS access entry newly grants admin-level or self-escalating permissions. */
export const iamEscalation: RiskRule = {
  id: "iam-escalation",
  category: "iam-escalation",
  description: "IAM documents or attachments newly grant *, iam:*, privilege-escalation actions on *, admin managed policies, or a trust policy open to anyone.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op === "delete" || change.op === "same" || change.op === "read") return [];
      const grants = newGrants(change);
      if (grants.length === 0) return [];
      const severity = grants.reduce<RiskSeverity>((worst, g) => maxSeverity(worst, g.severity), "low");
      return [
        {
          id: findingId("iam-escalation", this.id, [change.urn]),
          category: "iam-escalation",
          severity,
          urns: [change.urn],
          title: `${change.name} grants ${grants[0].what}${grants.length > 1 ? ` and ${grants.length - 1} more dangerous permission${grants.length > 2 ? "s" : ""}` : ""}: whoever holds it can take over more than its job needs`,
          evidence: grants.map((g) => `${g.path}: ${g.what}`),
          recommendation: `Grant the specific actions on the specific ARNs the workload uses (IRSA / EKS Pod Identity per service account); never *, iam:* or admin managed policies; add conditions to trust policies.`,
          source: "rules",
        },
      ];
    });
  },
};
