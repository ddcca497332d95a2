import type { PolicyResource as CrossGuardResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { unknownCheckingProxy } from "@pulumi/policy";
import { UNKNOWN } from "../../review/plan/model";
import { RULES } from "../rules";
import { crossGuardPolicies, DEFAULT_STACK_KIND, IcnaPolicyConfig, remediateWith, resourcesFromStackArgs, validateResourceWith, validateStackWith } from "./adapter";
import { POLICY_UNKNOWN_SENTINELS, policyProps } from "./unknowns";
import { ResourceRule, StackRule } from "../rule";

/** The sentinels @pulumi/policy (proxy.js) uses for computed values, read from the SDK itself. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkProxy = require("@pulumi/policy/proxy") as Record<string, unknown>;
const SDK_UNKNOWN = { string: sdkProxy.unknownStringValue as string, boolean: sdkProxy.unknownBooleanValue as string, array: sdkProxy.unknownArrayValue as string };

class NotApplicable extends Error {}

const rule = (name: string) => RULES.find((r) => r.name === name)!;
const options = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };

/** A ResourceValidationArgs like the analyzer server builds: props behind the SDK's unknown-checking proxy. */
function resourceArgs(type: string, props: Record<string, unknown>, config: IcnaPolicyConfig = {}, extra: Partial<ResourceValidationArgs> = {}): ResourceValidationArgs {
  return {
    type,
    name: "subject",
    urn: `urn:pulumi:prod::icna::${type}::subject`,
    props: unknownCheckingProxy(props),
    opts: options,
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
    ...extra,
  } as unknown as ResourceValidationArgs;
}

function validate(name: string, args: ResourceValidationArgs): string[] {
  const messages: string[] = [];
  validateResourceWith(rule(name) as ResourceRule)(args, (message) => messages.push(message));
  return messages;
}

describe("the CrossGuard adapter", () => {
  test("its unknown sentinels are exactly the SDK's", () => {
    const sdkSentinels = Object.entries(sdkProxy)
      .filter(([key]) => /^unknown[A-Z]\w*Value$/.test(key))
      .map(([, value]) => value);
    expect(new Set(sdkSentinels)).toEqual(POLICY_UNKNOWN_SENTINELS);
  });

  test("copies props out of the SDK proxy, turning computed values into the plan's marker", () => {
    const proxied = unknownCheckingProxy({ a: SDK_UNKNOWN.boolean, nested: { list: [SDK_UNKNOWN.string, "x"] }, arr: SDK_UNKNOWN.array });
    expect(() => (proxied as Record<string, unknown>).a).toThrow("can't be known during preview");
    expect(policyProps(proxied)).toEqual({ a: UNKNOWN, nested: { list: [UNKNOWN, "x"] }, arr: UNKNOWN });
  });

  test("reports a violation through CrossGuard with the rule's message", () => {
    expect(validate("rds-not-public", resourceArgs("aws:rds/instance:Instance", { publiclyAccessible: true }))).toEqual([
      'Instance "subject" is publicly accessible (publiclyAccessible: true), so it gets a public IP and DNS name: set publiclyAccessible: false',
    ]);
  });

  test("a computed value is neither a crash nor a violation", () => {
    expect(validate("rds-not-public", resourceArgs("aws:rds/instance:Instance", { publiclyAccessible: SDK_UNKNOWN.boolean }))).toEqual([]);
    expect(validate("eks-control-plane-logging", resourceArgs("eks:index:Cluster", { enabledClusterLogTypes: SDK_UNKNOWN.array }))).toEqual([]);
  });

  test("the stack kind comes from the policy config (prod when absent)", () => {
    const db = { backupRetentionPeriod: 3 };
    expect(validate("rds-backup-retention", resourceArgs("aws:rds/instance:Instance", db, { stackKind: "dev" }))).toEqual([]);
    expect(validate("rds-backup-retention", resourceArgs("aws:rds/instance:Instance", db))).toEqual([expect.stringContaining("a prod database needs at least 7")]);
    expect(DEFAULT_STACK_KIND).toBe("prod");
  });

  test("default tags come from the resource's provider", () => {
    const provider = { type: "pulumi:providers:aws", name: "default", urn: "urn:pulumi:prod::icna::pulumi:providers:aws::default", props: { defaultTags: JSON.stringify({ tags: { owner: "o", environment: "prod", "cost-center": "c" } }) } };
    expect(validate("cost-required-tags", resourceArgs("aws:ec2/vpc:Vpc", {}, {}, { provider }))).toEqual([]);
    expect(validate("cost-required-tags", resourceArgs("aws:ec2/vpc:Vpc", {}))).toEqual([expect.stringContaining("owner, environment, cost-center")]);
  });

  test("a rule that does not apply, or only runs offline, says so instead of passing silently", () => {
    expect(() => validate("rds-not-public", resourceArgs("aws:s3/bucket:Bucket", {}))).toThrow(NotApplicable);
    expect(() => validate("rds-master-password-managed", resourceArgs("aws:rds/instance:Instance", { password: "plain" }))).toThrow(/already decrypted/);
    expect(() => validate("rds-storage-encrypted", resourceArgs("aws:rds/instance:Instance", { replicateSourceDb: "arn:source" }))).toThrow(NotApplicable);
  });

  test("stack validation converts parents, dependencies and providers to URNs and reports against the resource", () => {
    const sg: CrossGuardResource = { type: "aws:ec2/securityGroup:SecurityGroup", name: "db-sg", urn: "urn:pulumi:prod::icna::aws:ec2/securityGroup:SecurityGroup::db-sg", props: unknownCheckingProxy({ ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] }), opts: options, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined } as unknown as CrossGuardResource;
    const db: CrossGuardResource = {
      type: "aws:rds/instance:Instance",
      name: "db",
      urn: "urn:pulumi:prod::icna::aws:rds/instance:Instance::db",
      props: unknownCheckingProxy({ vpcSecurityGroupIds: [SDK_UNKNOWN.string] }),
      opts: { ...options, protect: true },
      dependencies: [sg],
      propertyDependencies: { vpcSecurityGroupIds: [sg] },
      isType: () => false,
      asType: () => undefined,
    } as unknown as CrossGuardResource;
    expect(resourcesFromStackArgs([sg, db])[1]).toMatchObject({ props: { vpcSecurityGroupIds: [UNKNOWN] }, protect: true, dependencies: [sg.urn], propertyDependencies: { vpcSecurityGroupIds: [sg.urn] } });
    const reports: [string, string | undefined][] = [];
    const args = { resources: [sg, db], stackTags: new Map(), getConfig: () => ({}), notApplicable: () => { throw new NotApplicable(); } } as unknown as StackValidationArgs;
    validateStackWith(rule("database-ingress-only-from-clusters") as StackRule)(args, (message, urn) => reports.push([message, urn]));
    expect(reports).toEqual([[expect.stringContaining('Instance "db" (through security group "db-sg" ingress[0]) admits 0.0.0.0/0'), db.urn]]);
  });

  test("remediation applies a safe fix and leaves inputs with computed values alone", () => {
    const fix = remediateWith(rule("kms-key-rotation") as ResourceRule);
    expect(fix({ type: "aws:kms/key:Key", props: unknownCheckingProxy({ enableKeyRotation: false, description: "k" }) })).toEqual({ enableKeyRotation: true, description: "k" });
    expect(fix({ type: "aws:kms/key:Key", props: unknownCheckingProxy({ enableKeyRotation: false, policy: SDK_UNKNOWN.string }) })).toBeUndefined();
  });

  test("one CrossGuard policy per rule, defaulting to the prod level, with the stackKind config schema", () => {
    const policies = crossGuardPolicies(RULES);
    expect(policies.map((p) => p.name)).toEqual(RULES.map((r) => r.name));
    for (const [i, policy] of policies.entries()) {
      expect(policy.enforcementLevel).toBe(RULES[i].enforcement.prod);
      expect(policy.severity).toBe(RULES[i].severity);
      expect(policy.configSchema?.properties.stackKind).toMatchObject({ enum: ["dev", "prod", "dr"] });
      expect("validateStack" in policy).toBe(RULES[i].scope === "stack");
    }
  });
});
