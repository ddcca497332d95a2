import { UNKNOWN } from "../review/plan/model";
import { evaluatePolicies, hasMandatoryViolation, runRule } from "./evaluate";
import { ResourceGraph } from "./graph";
import { PolicyResource } from "./model";
import { LEVELS, ResourceRule, StackRule } from "./rule";
import { RULES } from "./rules";
import { applyChanges, set } from "./test-support/change";
import { compliantStack, urnOf } from "./test-support/compliant-stack";
import { TYPES } from "./knowledge/type-tokens";
import { bool } from "./values";

const TODAY = "2026-11-01";
const ctx = { stack: { name: "prod", kind: "prod" as const }, today: TODAY, graph: ResourceGraph.empty };
const key: PolicyResource = { type: TYPES.kmsKey, name: "k", props: {} };

function testRule(evaluate: ResourceRule["evaluate"], enforcement = LEVELS.production): ResourceRule {
  return { scope: "resource", name: "test-rule", area: "kms", description: "a rule under test", severity: "high", checkov: [], enforcement, resourceTypes: [TYPES.kmsKey], remediation: "fix it", evaluate };
}

describe("running one rule", () => {
  test("an error fails closed as a violation naming the rule and the error", () => {
    const result = runRule(testRule(() => { throw new TypeError("policy should be JSON"); }), key, ctx);
    expect(result).toEqual([{ message: 'test-rule could not check aws:kms/key:Key "k" (policy should be JSON), so it fails closed: correct the input or report the rule as a bug', resource: key }]);
  });

  test("an unknown value read by the rule makes the check undecided", () => {
    const computed = { ...key, props: { enableKeyRotation: UNKNOWN } };
    const result = runRule(testRule((r) => (bool(r.props, "enableKeyRotation") ? [] : [{ message: "off" }])), computed, ctx);
    expect(result).toEqual([{ undecided: "enableKeyRotation is not known until the deployment runs", resource: computed }]);
  });
});

describe("evaluating a stack", () => {
  test("the compliant fixture passes every rule in every stack kind it was written for", () => {
    const evaluation = evaluatePolicies(compliantStack(), { name: "prod", kind: "prod" }, { today: TODAY });
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.undecided).toEqual([]);
    const stackRules = RULES.filter((r) => r.scope === "stack").length;
    expect(evaluation.rulesEvaluated).toBeGreaterThan(stackRules + 100);
  });

  test("a deliberately broken prod (public database, open security group, unencrypted cache) is blocked", () => {
    const broken = applyChanges(compliantStack(), [
      set("postgres", { publiclyAccessible: true }),
      set("postgres-sg", { ingress: [{ protocol: "tcp", fromPort: 6432, toPort: 6432, cidrBlocks: ["0.0.0.0/0"], description: "temporary" }] }),
      set("redis", { atRestEncryptionEnabled: false, transitEncryptionEnabled: false, kmsKeyId: undefined }),
    ]);
    const evaluation = evaluatePolicies(broken, { name: "prod", kind: "prod" }, { today: TODAY });
    expect(hasMandatoryViolation(evaluation)).toBe(true);
    const mandatory = evaluation.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy} ${v.resourceName}`);
    expect(mandatory).toEqual(
      expect.arrayContaining(["rds-not-public postgres", "database-ingress-only-from-clusters postgres", "elasticache-at-rest-encrypted redis", "elasticache-in-transit-encrypted redis"]),
    );
    expect(evaluation.violations[0].enforcementLevel).toBe("mandatory");
    expect(evaluation.violations[0].severity).toBe("critical");
  });

  test("disabled rules do not run; levels follow the stack kind", () => {
    const rule = testRule(() => [{ message: "always" }], LEVELS.productionOnly);
    expect(evaluatePolicies([key], { name: "dev", kind: "dev" }, { rules: [rule] })).toEqual({ violations: [], undecided: [], rulesEvaluated: 0 });
    const prod = evaluatePolicies([key], { name: "prod", kind: "prod" }, { rules: [rule] });
    expect(prod.violations).toEqual([expect.objectContaining({ policy: "test-rule", resourceName: "k", enforcementLevel: "mandatory", severity: "high", message: "always", remediation: "fix it" })]);
    expect(prod.rulesEvaluated).toBe(1);
  });

  test("a stack rule runs once and reports against the resources it names", () => {
    const stackRule: StackRule = { ...testRule(() => []), scope: "stack", evaluate: (resources) => resources.map((r) => ({ message: `saw ${r.name}`, resource: r })) };
    const evaluation = evaluatePolicies([key, { ...key, name: "k2" }], { name: "dr", kind: "dr" }, { rules: [stackRule] });
    expect(evaluation.rulesEvaluated).toBe(1);
    expect(evaluation.violations.map((v) => [v.resourceName, v.message])).toEqual([
      ["k", "saw k"],
      ["k2", "saw k2"],
    ]);
  });

  test("remote-component rules also fire on the AWS children the engine creates", () => {
    const parent = urnOf(TYPES.eksCluster, "blue");
    const child: PolicyResource = { type: TYPES.awsEksCluster, name: "blue-eksCluster", urn: urnOf(TYPES.awsEksCluster, "blue-eksCluster", TYPES.eksCluster), parent, props: { version: "1.34", vpcConfig: { endpointPublicAccess: true } } };
    const evaluation = evaluatePolicies([child], { name: "prod", kind: "prod" }, { today: TODAY });
    expect(evaluation.violations.map((v) => v.policy)).toEqual(expect.arrayContaining(["eks-public-endpoint-restricted", "eks-public-endpoint-disabled", "eks-control-plane-logging", "eks-secrets-encryption"]));
  });
});
