import * as fs from "node:fs";
import * as path from "node:path";
import { UNKNOWN } from "../../review/plan/model";
import { AREAS, STACK_KINDS } from "../model";
import { RULES } from ".";
import { CASES } from "./all-cases";

/** Every rule's id and severity, pinned: renaming a rule or changing its severity must be deliberate. */
const PINNED: Record<string, string> = {
  "eks-control-plane-logging": "medium",
  "eks-node-groups-multi-az": "medium",
  "eks-node-imdsv2": "high",
  "eks-node-remote-access-restricted": "high",
  "eks-public-endpoint-disabled": "medium",
  "eks-public-endpoint-restricted": "high",
  "eks-secrets-encryption": "high",
  "eks-standard-support-version": "low",
  "eks-supported-version": "high",
  "rds-auto-minor-upgrade": "low",
  "rds-backup-retention": "medium",
  "rds-deletion-protection": "medium",
  "rds-enhanced-monitoring": "low",
  "rds-iam-authentication": "medium",
  "rds-in-custom-vpc": "medium",
  "rds-log-exports": "medium",
  "rds-master-password-managed": "high",
  "rds-multi-az": "medium",
  "rds-non-default-identity": "low",
  "rds-not-public": "critical",
  "rds-performance-insights-encrypted": "medium",
  "rds-storage-encrypted": "high",
  "rds-tls-enforced": "high",
  "rds-final-snapshot": "high",
  "elasticache-at-rest-encrypted": "high",
  "elasticache-auth": "high",
  "elasticache-automatic-failover": "medium",
  "elasticache-encrypted-with-cmk": "low",
  "elasticache-in-custom-vpc": "medium",
  "elasticache-in-transit-encrypted": "high",
  "elasticache-snapshot-retention": "medium",
  "elasticache-final-snapshot": "high",
  "msk-broker-logging": "medium",
  "msk-client-authentication": "high",
  "msk-encryption-at-rest-cmk": "medium",
  "msk-private-brokers": "critical",
  "msk-tls-in-transit": "high",
  "no-default-security-group": "medium",
  "sg-no-public-admin-ingress": "critical",
  "sg-no-public-database-ingress": "critical",
  "sg-no-public-http-ingress": "low",
  "sg-rule-descriptions": "low",
  "vpc-flow-logs": "medium",
  "kms-key-rotation": "medium",
  "kms-no-wildcard-principal": "critical",
  "iam-no-admin-access": "critical",
  "iam-no-privilege-escalation": "high",
  "iam-no-unconstrained-sensitive-actions": "medium",
  "iam-oidc-trust-scoped": "high",
  "k8s-image-pinned": "medium",
  "k8s-no-host-access": "high",
  "k8s-no-privileged": "high",
  "k8s-prod-pod-disruption-budget": "medium",
  "k8s-resource-requests-limits": "medium",
  "k8s-run-as-non-root": "high",
  "k8s-grafana-admin-from-secret": "high",
  "cost-allowed-instance-families": "medium",
  "cost-dev-size-limits": "medium",
  "cost-gp3-volumes": "low",
  "cost-required-tags": "medium",
  "database-ingress-only-from-clusters": "critical",
  "one-kubernetes-provider-per-cluster": "medium",
  "pulumi-protect-stateful": "high",
  "no-plaintext-credentials": "high",
  "traffic-weights-not-both-zero": "high",
};

/** The Checkov checks issue 4 names; each must be covered by a rule. */
const ISSUE_CHECKOV_IDS = [
  37, 38, 39, 58, 100, 339, 16, 17, 118, 129, 133, 157, 161, 226, 293, 353, 29, 30, 31, 134, 191, 80, 81, 291, 23, 24, 25, 260, 277, 7, 33, 62, 63, 274, 286, 287, 288, 289, 290, 355,
].map((n) => `CKV_AWS_${n}`);

describe("the rule catalogue", () => {
  test("pins every rule's name and severity", () => {
    expect(Object.fromEntries(RULES.map((r) => [r.name, r.severity]))).toEqual(PINNED);
  });

  test("lists each rule once, from the file of the same name in its area's folder", () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    const onDisk = AREAS.flatMap((area) =>
      fs
        .readdirSync(path.join(__dirname, area))
        .filter((f) => f.endsWith(".ts") && !f.includes(".cases.") && !f.endsWith(".test.ts"))
        .map((f) => `${area}/${f.replace(/\.ts$/, "")}`),
    );
    expect(RULES.map((r) => `${r.area}/${r.name}`).sort()).toEqual(onDisk.sort());
  });

  test.each(RULES.map((r) => [r.name, r] as const))("%s has complete metadata", (_name, rule) => {
    expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.remediation.length).toBeGreaterThan(10);
    expect(rule.resourceTypes.length).toBeGreaterThan(0);
    for (const id of rule.checkov) expect(id).toMatch(/^CKV2?_(AWS|K8S)_\d+$/);
    for (const kind of STACK_KINDS) expect(["mandatory", "advisory", "disabled"]).toContain(rule.enforcement[kind]);
    expect(Object.values(rule.enforcement).some((level) => level !== "disabled")).toBe(true);
  });

  test("covers every Checkov check the issue names", () => {
    const covered = new Set(RULES.flatMap((r) => r.checkov));
    expect(ISSUE_CHECKOV_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  test("prod makes the security rules mandatory and dev keeps most rules advisory", () => {
    const prodMandatory = RULES.filter((r) => r.enforcement.prod === "mandatory").length;
    const devMandatory = RULES.filter((r) => r.enforcement.dev === "mandatory").length;
    expect(prodMandatory).toBeGreaterThan(RULES.length * 0.7);
    expect(devMandatory).toBeLessThan(RULES.length * 0.4);
    for (const rule of RULES.filter((r) => r.severity === "critical")) expect(rule.enforcement.prod).toBe("mandatory");
  });
});

describe("test coverage of every rule", () => {
  const all = Object.values(CASES).flat();
  const readsUnknown = (c: (typeof all)[number]) => c.expect === "undecided" || JSON.stringify(c.changes ?? []).includes(UNKNOWN);
  test.each(RULES.map((r) => [r.name] as const))("%s has a compliant, a violating and an unknown-value case", (name) => {
    const cases = all.filter((c) => c.rule === name);
    expect(cases.some((c) => c.expect === "pass")).toBe(true);
    expect(cases.some((c) => c.expect === "violation")).toBe(true);
    expect(cases.some(readsUnknown)).toBe(true);
  });
});
