import { CREDENTIAL_BEARING_TYPES, findCredentials } from "../../knowledge/credentials";
import { label, LEVELS, ResourceRule, violation } from "../../rule";

/**
 * Checkov's hard-coded-secret checks (CKV_AWS_41 provider keys, CKV_AWS_45 Lambda environment,
 * CKV_AWS_46 EC2 user data, and the CKV_SECRET_* detectors) over the inputs of a Pulumi program.
 */
export const noPlaintextCredentials: ResourceRule = {
  scope: "resource",
  name: "no-plaintext-credentials",
  area: "pulumi",
  description: "No input holds a credential in plaintext (AWS keys, private keys, well-known tokens, literal password/secret/token inputs, Kubernetes Secret literals, high-entropy strings in user data, env, config data or tags).",
  severity: "high",
  checkov: ["CKV_AWS_41", "CKV_AWS_45", "CKV_AWS_46"],
  enforcement: LEVELS.everywhere,
  resourceTypes: CREDENTIAL_BEARING_TYPES,
  remediation: "Rotate the credential, then pass it as a Pulumi secret (pulumi config set --secret, pulumi.secret()) or read it at run time from Secrets Manager / SSM SecureString / External Secrets.",
  offlineOnly: "CrossGuard hands policies secret values already decrypted, so a Pulumi secret cannot be told from a hard-coded literal there",
  evaluate(resource) {
    const found = findCredentials(resource.type, resource.props);
    if (found.length === 0) return [];
    return [violation(`${label(resource)} holds ${[...new Set(found.map((f) => f.kind))].join(", ")} in plaintext at ${found.map((f) => f.path).join(", ")}: rotate it and pass it as a secret`)];
  },
};
