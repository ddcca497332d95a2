import { REDACTED } from "../../policies/knowledge/credentials";
import { redactText, redactValue } from "./redact";

describe("redaction", () => {
  it.each([
    ["AWS access key", "use AKIAIOSFODNN7EXAMPLE now"],
    ["GitHub token", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"],
    ["OpenAI key", "sk-proj-abcdefghijklmnopqrstuvwxyz0123"],
    ["Pulumi token", "pul-0123456789abcdef0123456789abcdef01234567"],
    ["JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
    ["PEM key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"],
    ["URL with a password", "postgres://orders:hunter2@db.internal:5432/orders"],
    ["AWS secret key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY9"],
  ])("removes a %s", (_what, text) => {
    expect(redactText(text)).toContain(REDACTED);
  });

  it.each([
    ["an ARN", "arn:aws:kms:eu-west-1:111122223333:key/0f6e1c4a-1111-4c1e-9a55-3b2d9c1e7a10"],
    ["a URN", "urn:pulumi:prod::icna::aws:rds/instance:Instance::orders-db"],
    ["a CIDR", "10.40.0.0/16"],
    ["an instance type", "db.r6g.large"],
    ["a long plain name", "icna-prod-blue-autoscaling-karpenter-interruptions"],
  ])("keeps %s", (_what, text) => {
    expect(redactText(text)).toBe(text);
  });

  it("drops secret markers and credential-named inputs, keeps the rest", () => {
    expect(redactValue({ password: "x", masterUserPassword: "[secret]", authToken: "abc", kubeconfig: { users: [] }, storageEncrypted: true, instanceClass: "db.r6g.large", tags: { Name: "orders" } })).toEqual({
      password: REDACTED,
      masterUserPassword: REDACTED,
      authToken: REDACTED,
      kubeconfig: REDACTED,
      storageEncrypted: true,
      instanceClass: "db.r6g.large",
      tags: { Name: "orders" },
    });
  });
});
