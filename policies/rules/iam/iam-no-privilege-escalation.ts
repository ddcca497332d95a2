import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { escalationActionsGranted, parsePolicyDocument, policyDocumentsOf, statementLabel } from "../../support/iam";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../../knowledge/type-tokens";

export const iamNoPrivilegeEscalation: ResourceRule = {
  scope: "resource",
  name: "iam-no-privilege-escalation",
  area: "iam",
  description: "No policy grants privilege-escalation actions (iam:PassRole, iam:Attach*Policy, iam:CreatePolicyVersion, sts:AssumeRole…) on wildcard resources without a condition.",
  severity: "high",
  checkov: ["CKV_AWS_286"],
  enforcement: LEVELS.production,
  resourceTypes: [...IAM_POLICY_DOCUMENT_TYPES, TYPES.iamRole],
  remediation: "Scope the action to the exact role or policy ARNs (e.g. iam:PassRole on the node role only), or add a condition such as iam:PassedToService.",
  evaluate(resource) {
    return policyDocumentsOf(resource).flatMap(({ where, document }) =>
      parsePolicyDocument(document, where)
        .map((s) => ({ s, actions: escalationActionsGranted(s) }))
        .filter(({ actions }) => actions.length > 0)
        .map(({ s, actions }) =>
          violation(`${label(resource)} ${statementLabel(where, s)} grants ${actions.join(", ")} on ${s.notResources.length > 0 ? "every resource (NotResource)" : s.resources.join(", ")}, which lets the holder raise its own privileges: scope Resource to specific ARNs or add a condition`),
        ),
    );
  },
};
