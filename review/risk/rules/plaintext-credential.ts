import { CredentialFinding, findCredentials } from "../../../policies/knowledge/credentials";
import { Change } from "../../changes/change";
import { mergeCredentialFindings } from "../../changes/redact-change-set";
import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";

/** Credentials of a change: those recorded when its inputs were redacted, and any its inputs still show, one per path. */
function credentialsOf(change: Change): readonly CredentialFinding[] {
  return mergeCredentialFindings([...(change.credentials ?? []), ...findCredentials(change.type, change.newInputs)]);
}

/** A credential written into the program in plaintext: it lands in the state, the preview and every log. */
export const plaintextCredential: RiskRule = {
  id: "plaintext-credential",
  category: "security-exposure",
  description: "An input holds a credential in plaintext: cloud keys, private keys, GitHub/Slack/Stripe/OpenAI/Pulumi tokens, JWTs, connection-string passwords, literal password/secret/token inputs, Kubernetes Secret literals, high-entropy strings in user data, env, config data or tags.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op === "delete" || change.op === "read" || change.op === "refresh" || !change.newInputs) return [];
      const credentials = credentialsOf(change);
      if (credentials.length === 0) return [];
      const kinds = [...new Set(credentials.map((c) => c.kind))];
      return [
        {
          id: findingId("security-exposure", this.id, [change.urn]),
          category: "security-exposure",
          severity: "high",
          urns: [change.urn],
          title: `${change.name} holds ${kinds.join(", ")} in plaintext: anyone who can read the program, the state or this preview can use ${credentials.length === 1 ? "it" : "them"}`,
          evidence: credentials.map((c) => `${c.path}: ${c.kind} [redacted]`),
          recommendation: "Rotate the credential now, then read it at run time instead: Secrets Manager or SSM SecureString (with IRSA), a Kubernetes Secret from External Secrets, or a Pulumi secret (config --secret / pulumi.secret()).",
          source: "rules",
        },
      ];
    });
  },
};
