import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { parsePolicyDocument, Statement, statementLabel } from "../../support/iam";
import { TYPES } from "../../knowledge/type-tokens";
import { isUnknown, peek, UndecidableError } from "../../values";

function isWebIdentityTrust(statement: Statement): boolean {
  if (statement.effect !== "Allow" || statement.principal === undefined || statement.principal === "*") return false;
  const federated = statement.principal.Federated ?? [];
  return federated.length > 0 && statement.actions.some((a) => a === "*" || /^sts:(AssumeRoleWithWebIdentity|\*)$/i.test(a));
}

/** The exact-match `<issuer>:sub` values of a statement (StringEquals; ForAnyValue variants excluded). */
function subjectProblem(statement: Statement): string | undefined {
  const exact = statement.condition.StringEquals ?? {};
  const like = statement.condition.StringLike ?? {};
  const subjectKey = Object.keys(exact).find((k) => k.endsWith(":sub"));
  if (subjectKey) {
    const values = exact[subjectKey];
    if (values.some(isUnknown)) throw new UndecidableError(`Condition.StringEquals.${subjectKey}`);
    if (values.length !== 1) return `it admits ${values.length} subjects (${values.join(", ")})`;
    if (/[*?]/.test(values[0])) return `its subject "${values[0]}" contains a wildcard`;
    return undefined;
  }
  const likeKey = Object.keys(like).find((k) => k.endsWith(":sub"));
  if (likeKey) return `it matches subjects with StringLike (${like[likeKey].join(", ")}), so any service account that fits the pattern can assume it`;
  return "it has no <issuer>:sub condition, so every service account of the cluster (or every identity of the provider) can assume it";
}

export const iamOidcTrustScoped: ResourceRule = {
  scope: "resource",
  name: "iam-oidc-trust-scoped",
  area: "iam",
  description: "Roles trusted through an OIDC provider (IRSA, CI) admit exactly one subject: StringEquals on <issuer>:sub with a single value, no wildcards.",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: [TYPES.iamRole],
  remediation: 'Use Condition { StringEquals: { "<issuer>:sub": "system:serviceaccount:<namespace>:<name>", "<issuer>:aud": "sts.amazonaws.com" } }.',
  evaluate(role) {
    return parsePolicyDocument(peek(role.props, "assumeRolePolicy"), "assumeRolePolicy")
      .filter(isWebIdentityTrust)
      .flatMap((s) => {
        const problem = subjectProblem(s);
        return problem ? [violation(`${label(role)} ${statementLabel("assumeRolePolicy", s)} trusts an OIDC provider but ${problem}: require StringEquals on <issuer>:sub with the one service account`)] : [];
      });
  },
};
