import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { CREDENTIAL_EXPOSURE_ACTIONS, DATA_EXFILTRATION_ACTIONS } from "../../knowledge/iam-actions";
import { grantedActions, isWriteAction, parsePolicyDocument, policyDocumentsOf, Statement, statementLabel, unscopedResource } from "../../support/iam";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../../knowledge/type-tokens";

/** Concrete actions a statement names (wildcard patterns are judged by their service and verb). */
function writeActions(statement: Statement): string[] {
  return statement.actions.filter((a) => a !== "*" && (isWriteAction(a) || /^[a-z0-9-]+:\*$/i.test(a)));
}

function findingsFor(statement: Statement): string[] {
  const problems: string[] = [];
  const credentials = grantedActions(statement, CREDENTIAL_EXPOSURE_ACTIONS);
  if (credentials.length > 0) problems.push(`exposes credentials (${credentials.join(", ")})`);
  const exfiltration = grantedActions(statement, DATA_EXFILTRATION_ACTIONS);
  if (exfiltration.length > 0) problems.push(`allows data exfiltration (${exfiltration.join(", ")})`);
  const writes = writeActions(statement).filter((a) => !credentials.includes(a) && !exfiltration.includes(a));
  if (writes.length > 0) problems.push(`allows writes or permission changes (${writes.slice(0, 5).join(", ")}${writes.length > 5 ? ", …" : ""})`);
  return problems;
}

export const iamNoUnconstrainedSensitiveActions: ResourceRule = {
  scope: "resource",
  name: "iam-no-unconstrained-sensitive-actions",
  area: "iam",
  description: "Credential-exposing, data-exfiltrating, write and permission-management actions are not granted on Resource \"*\" without a condition.",
  severity: "medium",
  checkov: ["CKV_AWS_287", "CKV_AWS_288", "CKV_AWS_289", "CKV_AWS_290", "CKV_AWS_355"],
  enforcement: LEVELS.advisory,
  resourceTypes: [...IAM_POLICY_DOCUMENT_TYPES, TYPES.iamRole],
  remediation: "Name the resource ARNs the actions apply to, or constrain them with conditions (aws:ResourceTag, aws:RequestTag, kms:ViaService…).",
  evaluate(resource) {
    return policyDocumentsOf(resource).flatMap(({ where, document }) =>
      parsePolicyDocument(document, where)
        .filter((s) => s.effect === "Allow" && !s.hasCondition && unscopedResource(s))
        .flatMap((s) => {
          const problems = findingsFor(s);
          return problems.length === 0 ? [] : [violation(`${label(resource)} ${statementLabel(where, s)} on Resource "*" ${problems.join("; ")}: name the resource ARNs or add conditions`)];
        }),
    );
  },
};
