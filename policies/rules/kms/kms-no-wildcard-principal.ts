import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { parsePolicyDocument, Statement } from "../../support/iam";
import { TYPES } from "../../knowledge/type-tokens";
import { peek } from "../../values";

function opensToEveryone(statement: Statement): boolean {
  if (statement.effect !== "Allow" || statement.hasCondition) return false;
  if (statement.principal === "*") return true;
  return Object.values(statement.principal ?? {}).some((values) => values.includes("*"));
}

export const kmsNoWildcardPrincipal: ResourceRule = {
  scope: "resource",
  name: "kms-no-wildcard-principal",
  area: "kms",
  description: "KMS key policies never allow every AWS principal (Principal \"*\") without a condition.",
  severity: "critical",
  checkov: ["CKV_AWS_33"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.kmsKey, TYPES.kmsKeyPolicy],
  remediation: "Name the account root, roles or services in Principal, or add a condition such as kms:CallerAccount / kms:ViaService.",
  evaluate(key) {
    return parsePolicyDocument(peek(key.props, "policy"))
      .filter(opensToEveryone)
      .map((s) => violation(`${label(key)} policy statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`} lets any AWS principal use the key (Principal "*" without a condition): name the principals or add a kms:CallerAccount condition`));
  },
};
