/**
 * The policy rules and the review's risk rules read the same AWS knowledge (policies/knowledge/):
 * over a table of resources, each pair must reach the same conclusion about the same resource.
 */
import { evaluatePolicies } from "../../policies/evaluate";
import { ADMIN_MANAGED_POLICIES, PRIVILEGE_ESCALATION_ACTIONS } from "../../policies/knowledge/iam-actions";
import { STATEFUL_TYPES } from "../../policies/knowledge/stateful-types";
import { TYPES } from "../../policies/knowledge/type-tokens";
import { RULES } from "../../policies/rules";
import { PlanValue } from "../plan/model";
import { redactChange } from "../changes/redact-change-set";
import { change, PROD } from "../testing/change-builder";
import { assessRisks } from "./assess-risks";
import { deleteStateful } from "./rules/delete-stateful";
import { iamEscalation } from "./rules/iam-escalation";
import { publicEndpoint } from "./rules/public-endpoint";
import { securityGroupOpened } from "./rules/security-group-opened";
import { plaintextCredential } from "./rules/plaintext-credential";
import { CANARIES, CANARY_USER_DATA } from "../testing/credential-canaries";

const policyViolated = (policies: readonly string[], type: string, props: Record<string, PlanValue>, protect = false) => {
  const rules = RULES.filter((r) => policies.includes(r.name));
  return evaluatePolicies([{ type, name: "subject", urn: `urn:pulumi:prod::icna::${type}::subject`, props, protect }], PROD, { rules }).violations.length > 0;
};

describe("stateful types: pulumi-protect-stateful and delete-stateful", () => {
  const protectRule = RULES.find((r) => r.name === "pulumi-protect-stateful")!;
  const types = [...new Set([...Object.keys(STATEFUL_TYPES), ...protectRule.resourceTypes, TYPES.vpc, TYPES.subnet, TYPES.iamRole, TYPES.k8sDeployment])];
  test.each(types)("%s: a type the policy requires to be protected is one whose delete the risk rule reports", (type) => {
    const policyCallsItData = policyViolated(["pulumi-protect-stateful"], type, {});
    const riskCallsItData = assessRisks({ stack: PROD, changes: [change("subject", type, { op: "delete", oldInputs: { forceDestroy: true, forceDelete: true } })] }, [deleteStateful]).length > 0;
    if (policyCallsItData) expect(riskCallsItData).toBe(true);
    if (!riskCallsItData) expect(policyCallsItData).toBe(false);
    expect(policyCallsItData).toBe(STATEFUL_TYPES[type]?.primaryData === true);
  });
});

describe("privilege escalation: iam-no-privilege-escalation and iam-escalation", () => {
  const document = (statement: Record<string, PlanValue>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] });
  const actions = [...PRIVILEGE_ESCALATION_ACTIONS, "iam:Put*", "iam:Attach*Policy", "s3:GetObject", "ec2:DescribeInstances", "logs:PutLogEvents"];
  const scopes: [string, Record<string, PlanValue>][] = [
    ["on *", { Resource: "*" }],
    ["on every role", { Resource: "arn:aws:iam::*:role/*" }],
    ["on one role", { Resource: "arn:aws:iam::111122223333:role/nodes" }],
    ["on * with a condition", { Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }],
    ["on an ARN only known at deploy", { Resource: "[unknown]" }],
  ];
  const cases = actions.flatMap((action) => scopes.map(([scope, statement]) => [action, scope, { Action: action, ...statement }] as const));
  test.each(cases)("%s %s", (_action, _scope, statement) => {
    const policy = document(statement);
    const policySays = policyViolated(["iam-no-privilege-escalation"], TYPES.iamPolicy, { policy });
    const riskSays = assessRisks({ stack: PROD, changes: [change("subject", TYPES.iamPolicy, { op: "create", newInputs: { policy } })] }, [iamEscalation]).length > 0;
    expect(riskSays).toBe(policySays);
  });
});

describe("admin managed policies: iam-no-admin-access and iam-escalation", () => {
  const arns = [...Object.keys(ADMIN_MANAGED_POLICIES), "ReadOnlyAccess", "AmazonS3ReadOnlyAccess"].map((name) => `arn:aws:iam::aws:policy/${name}`);
  const holders: [string, (arn: string) => Record<string, PlanValue>][] = [
    [TYPES.iamRolePolicyAttachment, (arn) => ({ policyArn: arn })],
    [TYPES.iamRole, (arn) => ({ managedPolicyArns: [arn] })],
  ];
  test.each(arns.flatMap((arn) => holders.map(([type, props]) => [arn, type, props(arn)] as const)))("%s on %s: the policy blocks exactly what the review calls critical", (_arn, type, props) => {
    const policySays = policyViolated(["iam-no-admin-access"], type, props);
    const risks = assessRisks({ stack: PROD, changes: [change("subject", type, { op: "create", newInputs: props })] }, [iamEscalation]);
    expect(policySays).toBe(risks.some((r) => r.severity === "critical"));
  });
});

describe("open ingress: sg-no-public-admin/database-ingress and security-group-opened", () => {
  const rules: [string, Record<string, PlanValue>][] = [
    ["SSH from anywhere", { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }],
    ["PostgreSQL from anywhere (IPv6)", { protocol: "tcp", fromPort: 5432, toPort: 5432, ipv6CidrBlocks: ["::/0"] }],
    ["every port from anywhere", { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    ["a range spanning Redis", { protocol: "tcp", fromPort: 6000, toPort: 7000, cidrBlocks: ["0.0.0.0/0"] }],
    ["NFS from anywhere", { protocol: "tcp", fromPort: 2049, toPort: 2049, cidrBlocks: ["0.0.0.0/0"] }],
    ["HTTPS from anywhere", { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    ["SSH from the VPC", { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/16"] }],
    ["ICMP from anywhere", { protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }],
    ["PostgreSQL from an unknown CIDR", { protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["[unknown]"] }],
  ];
  test.each(rules)("%s", (_what, ingress) => {
    const policySays = policyViolated(["sg-no-public-admin-ingress", "sg-no-public-database-ingress"], TYPES.securityGroup, { ingress: [ingress] });
    const [finding] = assessRisks({ stack: PROD, changes: [change("subject", TYPES.securityGroup, { op: "create", newInputs: { ingress: [ingress] } })] }, [securityGroupOpened]);
    const riskNamesASensitivePort = finding !== undefined && /\d+ \(/.test(finding.title);
    expect(riskNamesASensitivePort).toBe(policySays);
  });
});

describe("EKS API endpoint: eks-public-endpoint-restricted and public-endpoint", () => {
  const component: [string, Record<string, PlanValue>][] = [
    ["nothing set (AWS: public, open to the world)", {}],
    ["public with no CIDRs", { endpointPublicAccess: true }],
    ["public with an empty CIDR list", { endpointPublicAccess: true, publicAccessCidrs: [] }],
    ["public to 0.0.0.0/0", { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }],
    ["public to an office CIDR", { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] }],
    ["private only", { endpointPublicAccess: false, endpointPrivateAccess: true }],
    ["public flag unknown", { endpointPublicAccess: "[unknown]" }],
  ];
  const cases = component.flatMap(([what, props]) => [
    [TYPES.eksCluster, what, props] as const,
    [TYPES.awsEksCluster, what, { vpcConfig: props }] as const,
  ]);
  test.each(cases)("%s: %s", (type, _what, props) => {
    const policySays = policyViolated(["eks-public-endpoint-restricted"], type, props);
    const riskSays = assessRisks({ stack: PROD, changes: [change("subject", type, { op: "create", newInputs: props })] }, [publicEndpoint]).length > 0;
    expect(riskSays).toBe(policySays);
  });
});

describe("plaintext credentials: no-plaintext-credentials and plaintext-credential", () => {
  const cases: [string, string, Record<string, PlanValue>][] = [
    ["literal RDS password", TYPES.rdsInstance, { password: CANARIES.literalPassword }],
    ["RDS password as a Pulumi secret", TYPES.rdsInstance, { password: "[secret]" }],
    ["RDS password computed", TYPES.rdsInstance, { password: "[unknown]" }],
    ["user data with an AWS key pair", TYPES.launchTemplate, { userData: CANARY_USER_DATA }],
    ["plain user data", TYPES.launchTemplate, { userData: Buffer.from("#!/bin/bash\n/etc/eks/bootstrap.sh icna-prod-blue\n").toString("base64") }],
    ["Kubernetes Secret literal", TYPES.k8sSecret, { stringData: { token: CANARIES.secretToken } }],
    ["ConfigMap with a connection-string password", TYPES.k8sConfigMap, { data: { DATABASE_URL: `postgres://app:${CANARIES.connectionPassword}@db:5432/app` } }],
    ["ConfigMap with plain settings", TYPES.k8sConfigMap, { data: { LOG_LEVEL: "info", REGION: "us-east-1" } }],
    ["high-entropy tag", TYPES.launchTemplate, { tags: { key: CANARIES.highEntropyTag } }],
    ["ARN tag", TYPES.launchTemplate, { tags: { role: "arn:aws:iam::111122223333:role/icna-prod-blue-nodes" } }],
    ["value already redacted when recorded", TYPES.rdsInstance, { password: "[redacted]" }],
  ];
  test.each(cases)("%s", (_what, type, props) => {
    const policySays = policyViolated(["no-plaintext-credentials"], type, props);
    const riskSays = assessRisks({ stack: PROD, changes: [change("subject", type, { op: "create", newInputs: props })] }, [plaintextCredential]).length > 0;
    expect(riskSays).toBe(policySays);
    // Every input format redacts its changes at the edge (redactChangeSet): the answer must survive that.
    const redacted = redactChange(change("subject", type, { op: "create", newInputs: props }));
    expect(assessRisks({ stack: PROD, changes: [redacted] }, [plaintextCredential]).length > 0).toBe(policySays);
  });
});

it("a value naming where a credential is kept is not a credential", () => {
  const values = { grafana: { admin: { existingSecret: "grafana-admin", userKey: "admin-user" } }, auth: { useToken: "true" } };
  expect(policyViolated(["no-plaintext-credentials"], TYPES.k8sDeployment, { spec: values })).toBe(false);
  expect(assessRisks({ stack: PROD, changes: [change("subject", "kubernetes:helm.sh/v3:Release", { op: "create", newInputs: { values } })] }, [plaintextCredential])).toEqual([]);
});
