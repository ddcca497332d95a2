import { PlanValue } from "../plan/model";
import { change, PROD } from "../testing/change-builder";
import { assessRisks } from "./assess-risks";
import { RiskInput } from "./risk-context";
import { RiskRule } from "./risk-rule";
import { RISK_RULES } from "./rules";
import { blastRadius } from "./rules/blast-radius";
import { costIncrease } from "./rules/cost-increase";
import { deleteBeforeReplace } from "./rules/delete-before-replace";
import { deleteStateful } from "./rules/delete-stateful";
import { iamEscalation } from "./rules/iam-escalation";
import { kubernetesProviderReplaced } from "./rules/kubernetes-provider-replaced";
import { policyViolations } from "./rules/policy-violations";
import { protectRemoved } from "./rules/protect-removed";
import { publicEndpoint } from "./rules/public-endpoint";
import { renameRecreates } from "./rules/rename-recreates";
import { replaceStateful } from "./rules/replace-stateful";
import { safeguardDisabled } from "./rules/safeguard-disabled";
import { securityGroupOpened } from "./rules/security-group-opened";
import { unknownValues } from "./rules/unknown-values";

const run = (rule: RiskRule, input: Partial<RiskInput>) => assessRisks({ stack: PROD, changes: [], ...input }, [rule]);
const RDS = "aws:rds/instance:Instance";
const db = { identifier: "orders", deletionProtection: true, skipFinalSnapshot: false, finalSnapshotIdentifier: "orders-final", kmsKeyId: "arn:aws:kms:eu-west-1:1:key/a" };

it("pins every rule id and category", () => {
  expect(RISK_RULES.map((r) => `${r.category}:${r.id}`)).toEqual([
    "data-loss:replace-stateful", "data-loss:delete-stateful", "data-loss:protect-removed", "data-loss:safeguard-disabled",
    "data-loss:rename-recreates", "downtime:kubernetes-provider-replaced", "downtime:delete-before-replace", "downtime:blast-radius",
    "security-exposure:security-group-opened", "security-exposure:plaintext-credential", "security-exposure:public-endpoint", "iam-escalation:iam-escalation", "cost:cost-increase",
    "policy:policy-violation", "uncertainty:unknown-values",
  ]);
});

describe("replace-stateful", () => {
  const replaced = change("orders-db", RDS, { op: "replace", oldInputs: db, newInputs: { ...db, kmsKeyId: "[unknown]" }, replaceReasons: ["kmsKeyId"], changedPaths: ["kmsKeyId"] });
  it("fires on a replaced database, consequence first, with a stable id", () => {
    const [finding] = run(replaceStateful, { changes: [replaced] });
    expect(finding).toMatchObject({ category: "data-loss", severity: "high", urns: [replaced.urn] });
    expect(finding.title).toBe("Replacing the RDS database instance orders-db, because kmsKeyId changed, deletes its data and its automated backups and recreates it empty (a final snapshot orders-final is taken)");
    expect(finding.id).toMatch(/^data-loss:replace-stateful:[0-9a-f]{10}$/);
    expect(run(replaceStateful, { changes: [replaced] })[0].id).toBe(finding.id);
  });
  it("is critical when safeguards are off", () => {
    const worse = { ...replaced, newInputs: { ...db, skipFinalSnapshot: true, deletionProtection: false } };
    const [finding] = run(replaceStateful, { changes: [worse] });
    expect(finding.severity).toBe("critical");
    expect(finding.evidence).toEqual(expect.arrayContaining(["skipFinalSnapshot is true: no final snapshot is taken", "deletionProtection is turned off by this change"]));
  });
  it("does not fire on updates or stateless replacements", () => {
    expect(run(replaceStateful, { changes: [{ ...replaced, op: "update" }] })).toEqual([]);
    expect(run(replaceStateful, { changes: [change("tg", "aws:lb/targetGroup:TargetGroup", { op: "replace" })] })).toEqual([]);
  });
  it("says a bucket without forceDestroy fails half-way when not empty, and one with it loses its objects", () => {
    const [refused] = run(replaceStateful, { changes: [change("logs", "aws:s3/bucket:Bucket", { op: "replace", oldInputs: { forceDestroy: false } })] });
    expect(refused).toMatchObject({ severity: "medium", title: expect.stringContaining("fails half-way if it is not empty") });
    const [emptied] = run(replaceStateful, { changes: [change("logs", "aws:s3/bucket:Bucket", { op: "replace", oldInputs: { forceDestroy: true } })] });
    expect(emptied).toMatchObject({ severity: "critical", title: expect.stringContaining("deletes every object in it") });
  });
});

describe("delete-stateful", () => {
  it("fires on a deleted Kafka cluster and namespace", () => {
    const findings = run(deleteStateful, { changes: [change("events", "aws:msk/cluster:Cluster", { op: "delete", oldInputs: {} }), change("apps", "kubernetes:core/v1:Namespace", { op: "delete" })] });
    expect(findings.map((f) => f.title).sort()).toEqual([
      "Deleting the Kubernetes namespace apps deletes everything inside it, its volume claims included",
      "Deleting the MSK Kafka cluster events deletes every topic and message",
    ]);
  });
  it("is low with retainOnDelete and silent for stateless deletes", () => {
    expect(run(deleteStateful, { changes: [change("events", "aws:msk/cluster:Cluster", { op: "delete", retainOnDelete: true })] })[0].severity).toBe("low");
    expect(run(deleteStateful, { changes: [change("rt", "aws:ec2/routeTable:RouteTable", { op: "delete" })] })).toEqual([]);
  });
});

describe("protect-removed", () => {
  it("fires when protect goes from true to false", () => {
    const [finding] = run(protectRemoved, { changes: [change("sessions", "aws:elasticache/replicationGroup:ReplicationGroup", { op: "same", protect: { old: true, new: false } })] });
    expect(finding).toMatchObject({ category: "data-loss", severity: "high" });
    expect(finding.title).toMatch(/^Removing protect from sessions lets Pulumi delete the ElastiCache replication group/);
  });
  it("does not fire when protect stays or is added", () => {
    expect(run(protectRemoved, { changes: [change("s", RDS, { protect: { old: true, new: true } }), change("t", RDS, { protect: { old: false, new: true } })] })).toEqual([]);
  });
});

describe("safeguard-disabled", () => {
  it("fires when deletion protection is turned off on a database that stays", () => {
    const [finding] = run(safeguardDisabled, { changes: [change("orders-db", RDS, { oldInputs: db, newInputs: { ...db, deletionProtection: false }, changedPaths: ["deletionProtection"] })] });
    expect(finding.evidence).toEqual(["deletionProtection: true → false"]);
  });
  it("reads each kind's safeguards from the stateful-type table: ECR forceDelete, a secret's 0-day recovery window, DynamoDB's deletion protection", () => {
    const cases: [string, Record<string, PlanValue>, Record<string, PlanValue>, string][] = [
      ["aws:ecr/repository:Repository", { forceDelete: false }, { forceDelete: true }, "forceDelete: false → true"],
      ["aws:secretsmanager/secret:Secret", { recoveryWindowInDays: 30 }, { recoveryWindowInDays: 0 }, "recoveryWindowInDays: 30 → 0"],
      ["aws:dynamodb/table:Table", { deletionProtectionEnabled: true }, { deletionProtectionEnabled: false }, "deletionProtectionEnabled: true → false"],
      ["aws:s3/bucketV2:BucketV2", {}, { forceDestroy: true }, "forceDestroy: null → true"],
    ];
    for (const [type, oldInputs, newInputs, evidence] of cases) {
      const findings = run(safeguardDisabled, { changes: [change("subject", type, { oldInputs, newInputs })] });
      expect(findings.map((f) => f.evidence)).toEqual([[evidence]]);
    }
    expect(run(safeguardDisabled, { changes: [change("images", "aws:ecr/repository:Repository", { oldInputs: {}, newInputs: { recoveryWindowInDays: 0 } })] })).toEqual([]);
  });
  it("does not fire when the safeguard stays on or was already off", () => {
    expect(run(safeguardDisabled, { changes: [change("orders-db", RDS, { oldInputs: db, newInputs: db })] })).toEqual([]);
    const off = { ...db, deletionProtection: false };
    expect(run(safeguardDisabled, { changes: [change("orders-db", RDS, { oldInputs: off, newInputs: off })] })).toEqual([]);
  });
});

describe("rename-recreates", () => {
  it("fires on a delete and create of the same database under a new parent", () => {
    const old = change("orders-db", RDS, { op: "delete", oldInputs: db });
    const moved = change("orders-db", RDS, { op: "create", urn: "urn:pulumi:prod::icna::icna:components:DataTier$aws:rds/instance:Instance::orders-db", newInputs: db });
    const [finding] = run(renameRecreates, { changes: [old, moved] });
    expect(finding).toMatchObject({ category: "data-loss", severity: "critical", urns: [old.urn, moved.urn] });
    expect(finding.recommendation).toContain("aliases");
  });
  it("does not pair unrelated resources", () => {
    expect(run(renameRecreates, { changes: [change("a", RDS, { op: "delete", oldInputs: { identifier: "a" } }), change("b", RDS, { op: "create", newInputs: { identifier: "b" } })] })).toEqual([]);
  });
});

describe("kubernetes-provider-replaced", () => {
  const provider = change("blue-k8s", "pulumi:providers:kubernetes", { op: "replace", changedPaths: ["kubeconfig"] });
  const ref = `${provider.urn}::9c7d1e2f-0a3b-4c5d-8e9f-1a2b3c4d5e6f`;
  const deployment = change("api", "kubernetes:apps/v1:Deployment", { op: "replace", provider: ref });
  it("fires and names everything under the provider", () => {
    const [finding] = run(kubernetesProviderReplaced, { changes: [provider, deployment] });
    expect(finding).toMatchObject({ category: "downtime", severity: "critical", urns: [provider.urn, deployment.urn] });
    expect(finding.title).toBe("Replacing the Kubernetes provider blue-k8s replaces every resource under it: 1 resource is deleted and recreated (Deployment api)");
  });
  it("counts as data loss when stateful resources are under it", () => {
    const pvc = change("data", "kubernetes:core/v1:PersistentVolumeClaim", { op: "replace", provider: ref });
    expect(run(kubernetesProviderReplaced, { changes: [provider, pvc] })[0].category).toBe("data-loss");
  });
  it("does not fire for an AWS provider or an unrelated provider update", () => {
    expect(run(kubernetesProviderReplaced, { changes: [change("aws", "pulumi:providers:aws", { op: "replace" }), { ...provider, op: "update", changedPaths: ["enableServerSideApply"] }] })).toEqual([]);
  });
});

describe("delete-before-replace", () => {
  it("fires only on delete-before-replace replacements", () => {
    expect(run(deleteBeforeReplace, { changes: [change("sg", "aws:ec2/securityGroup:SecurityGroup", { op: "replace", deleteBeforeReplace: true })] })).toHaveLength(1);
    expect(run(deleteBeforeReplace, { changes: [change("sg", "aws:ec2/securityGroup:SecurityGroup", { op: "replace" })] })).toEqual([]);
  });
});

describe("blast-radius", () => {
  const vpc = change("vpc", "aws:ec2/vpc:Vpc", { op: "replace" });
  const dependents = (n: number) => Array.from({ length: n }, (_, i) => change(`subnet-${i}`, "aws:ec2/subnet:Subnet", { op: "same", dependencies: [vpc.urn] }));
  it("fires with 5+ dependents, high with 20+", () => {
    expect(run(blastRadius, { changes: [vpc, ...dependents(5)] })[0].severity).toBe("medium");
    expect(run(blastRadius, { changes: [vpc, ...dependents(20)] })[0].severity).toBe("high");
  });
  it("counts transitive dependents and stays silent below the threshold", () => {
    const chain = [vpc, ...dependents(3), change("rt", "aws:ec2/routeTable:RouteTable", { op: "same", dependencies: [`urn:pulumi:prod::icna::aws:ec2/subnet:Subnet::subnet-0`] })];
    expect(run(blastRadius, { changes: chain })).toEqual([]);
    expect(run(blastRadius, { changes: [...chain, ...dependents(5).slice(3)] })[0].evidence[0]).toBe("dependents: 6");
  });
});

describe("security-group-opened", () => {
  const SG = "aws:ec2/securityGroup:SecurityGroup";
  const closed = { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["sg-nodes"] }] };
  it("fires critical when a database port opens to the world", () => {
    const open = { ingress: [...closed.ingress, { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] };
    const [finding] = run(securityGroupOpened, { changes: [change("orders-db-sg", SG, { oldInputs: closed, newInputs: open })] });
    expect(finding).toMatchObject({ category: "security-exposure", severity: "critical" });
    expect(finding.title).toBe("Opening orders-db-sg to the internet exposes 5432 (PostgreSQL) to 0.0.0.0/0");
  });
  it("handles separate ingress rules, IPv6 and all-protocol rules", () => {
    const rule = change("ssh", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { op: "create", newInputs: { ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv6: "::/0" } });
    expect(run(securityGroupOpened, { changes: [rule] })[0].severity).toBe("high");
    const all = change("all", "aws:ec2/securityGroupRule:SecurityGroupRule", { op: "create", newInputs: { type: "ingress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] } });
    expect(run(securityGroupOpened, { changes: [all] })[0].severity).toBe("critical");
  });
  it("is low for web ports and silent for private sources, egress and rules that were already open", () => {
    const web = { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] };
    expect(run(securityGroupOpened, { changes: [change("alb-sg", SG, { op: "create", newInputs: web })] })[0].severity).toBe("low");
    expect(run(securityGroupOpened, { changes: [change("alb-sg", SG, { oldInputs: web, newInputs: web })] })).toEqual([]);
    expect(run(securityGroupOpened, { changes: [change("sg", SG, { op: "create", newInputs: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }], egress: [{ protocol: "-1", cidrBlocks: ["0.0.0.0/0"] }] } })] })).toEqual([]);
  });
});

describe("public-endpoint", () => {
  it("fires when the EKS API opens to the world or RDS becomes public", () => {
    const eks = change("blue", "aws:eks/cluster:Cluster", { oldInputs: { vpcConfig: { endpointPublicAccess: false } }, newInputs: { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } } });
    const rds = change("orders-db", RDS, { op: "create", newInputs: { publiclyAccessible: true } });
    expect(run(publicEndpoint, { changes: [eks, rds] }).map((f) => f.urns[0]).sort()).toEqual([eks.urn, rds.urn].sort());
  });
  it("does not fire for restricted CIDRs or private endpoints", () => {
    const eks = change("blue", "eks:index:Cluster", { op: "create", newInputs: { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] } });
    expect(run(publicEndpoint, { changes: [eks, change("orders-db", RDS, { op: "create", newInputs: { publiclyAccessible: false } })] })).toEqual([]);
  });
});

describe("iam-escalation", () => {
  const policy = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
  it("fires on Action * and on PassRole on *", () => {
    const admin = change("ci", "aws:iam/policy:Policy", { op: "create", newInputs: { policy: policy({ Effect: "Allow", Action: "*", Resource: "*" }) } });
    const pass = change("deployer", "aws:iam/rolePolicy:RolePolicy", { op: "create", newInputs: { policy: policy({ Effect: "Allow", Action: ["iam:PassRole", "s3:GetObject"], Resource: "*" }) } });
    const findings = run(iamEscalation, { changes: [admin, pass] });
    expect(findings.map((f) => [f.severity, f.urns[0]])).toEqual([["critical", admin.urn], ["high", pass.urn]]);
  });
  it("fires on admin attachments and open trust policies", () => {
    const attach = change("admin", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { op: "create", newInputs: { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } });
    const trust = change("role", "aws:iam/role:Role", { op: "create", newInputs: { assumeRolePolicy: policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" }) } });
    expect(run(iamEscalation, { changes: [attach, trust] }).every((f) => f.severity === "critical")).toBe(true);
  });
  it("does not fire on scoped grants or grants that existed before", () => {
    const scoped = change("reader", "aws:iam/policy:Policy", { op: "create", newInputs: { policy: policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::icna-prod-assets/*" }) } });
    const admin = { policy: policy({ Effect: "Allow", Action: "*", Resource: "*" }) };
    expect(run(iamEscalation, { changes: [scoped, change("ci", "aws:iam/policy:Policy", { oldInputs: admin, newInputs: admin })] })).toEqual([]);
  });
});

describe("cost-increase", () => {
  const ng = change("workload", "aws:eks/nodeGroup:NodeGroup");
  it("fires by monthly delta band", () => {
    expect(run(costIncrease, { changes: [ng], monthlyCostDelta: new Map([[ng.urn, 1500]]) })[0]).toMatchObject({ severity: "medium", title: expect.stringMatching(/^This change adds about \$1,500 a month/) });
  });
  it("does not fire below $200 a month or on savings", () => {
    expect(run(costIncrease, { changes: [ng], monthlyCostDelta: new Map([[ng.urn, 150]]) })).toEqual([]);
    expect(run(costIncrease, { changes: [ng], monthlyCostDelta: new Map([[ng.urn, -3000]]) })).toEqual([]);
  });
});

describe("policy-violation", () => {
  it("makes mandatory violations high and keeps engine policy events", () => {
    const findings = run(policyViolations, {
      policyViolations: [{ policy: "rds-deletion-protection", resourceType: RDS, resourceName: "orders-db", enforcementLevel: "mandatory", severity: "medium", message: "deletion protection is off" }],
      policyEvents: [{ policyName: "tags", policyPackName: "icna", policyPackVersion: "1", enforcementLevel: "advisory", message: "missing owner tag" }],
    });
    expect(findings.map((f) => [f.category, f.severity])).toEqual([["policy", "high"], ["policy", "medium"]]);
  });
  it("does not fire without violations", () => {
    expect(run(policyViolations, { policyViolations: [], policyEvents: [] })).toEqual([]);
  });
});

describe("unknown-values", () => {
  it("fires when an opened rule's CIDR is unknown and when the preview is incomplete", () => {
    const sg = change("sg", "aws:ec2/securityGroup:SecurityGroup", { changedPaths: ["ingress[0].cidrBlocks[0]"], newInputs: { ingress: [{ cidrBlocks: ["[unknown]"] }] } });
    const findings = run(unknownValues, { changes: [sg], incomplete: true, diagnostics: [{ severity: "error", message: "boom" }] });
    expect(findings.map((f) => [f.category, f.severity])).toEqual([["uncertainty", "high"], ["uncertainty", "medium"]]);
  });
  it("does not fire on known values", () => {
    expect(run(unknownValues, { changes: [change("sg", "aws:ec2/securityGroup:SecurityGroup", { changedPaths: ["ingress[0].cidrBlocks[0]"], newInputs: { ingress: [{ cidrBlocks: ["10.0.0.0/8"] }] } })] })).toEqual([]);
  });
});

it("fails closed when a rule throws", () => {
  const broken: RiskRule = { id: "broken", category: "data-loss", description: "throws", evaluate: () => { throw new Error("bad input"); } };
  expect(assessRisks({ stack: PROD, changes: [] }, [broken])[0]).toMatchObject({ category: "uncertainty", severity: "high", evidence: ["bad input"] });
});
