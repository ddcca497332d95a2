/**
 * docs/getting-started.md gives the deployer's IAM policy. It must cover every AWS service the shipped
 * stacks plan, so a component that starts using a new service (or a new kind of IAM object) fails here
 * until the documented policy grants it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planStack } from "../review/plan/stack-plan";

/** IAM action prefix of each `@pulumi/aws` module the program uses. */
const IAM_PREFIX_OF_MODULE: Readonly<Record<string, string>> = {
  cloudwatch: "", // eventRule/eventTarget are EventBridge, logGroup is CloudWatch Logs: decided per type below
  ec2: "ec2",
  vpc: "ec2",
  eks: "eks",
  elasticache: "elasticache",
  iam: "iam",
  kms: "kms",
  msk: "kafka",
  rds: "rds",
  route53: "route53",
  secretsmanager: "secretsmanager",
  sqs: "sqs",
};
const IAM_PREFIX_OF_TYPE: Readonly<Record<string, string>> = {
  "aws:cloudwatch/eventRule:EventRule": "events",
  "aws:cloudwatch/eventTarget:EventTarget": "events",
  "aws:cloudwatch/logGroup:LogGroup": "logs",
};
/** IAM writes are granted action by action: the create action each IAM resource type needs. */
const IAM_CREATE_ACTION: Readonly<Record<string, string>> = {
  "aws:iam/role:Role": "iam:CreateRole",
  "aws:iam/rolePolicy:RolePolicy": "iam:PutRolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "iam:AttachRolePolicy",
  "aws:iam/instanceProfile:InstanceProfile": "iam:CreateInstanceProfile",
};
/** What `@pulumi/eks` creates below its components, which the offline plan does not show. */
const REMOTE_COMPONENT_NEEDS: Readonly<Record<string, readonly string[]>> = {
  "eks:index:Cluster": ["eks:CreateCluster", "eks:CreateAccessEntry", "iam:CreateRole", "iam:PassRole", "iam:CreateOpenIDConnectProvider", "ec2:CreateSecurityGroup"],
  "eks:index:ManagedNodeGroup": ["eks:CreateNodegroup", "iam:PassRole", "iam:CreateServiceLinkedRole"],
};

function documentedPolicyActions(): string[] {
  const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "getting-started.md"), "utf8");
  const section = doc.slice(doc.indexOf("## 3. The deployer's IAM permissions"));
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!json) throw new Error("docs/getting-started.md section 3 has no ```json policy block");
  const policy = JSON.parse(json) as { Statement: { Action: string | string[] }[] };
  return policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

function grants(actions: readonly string[], needed: string): boolean {
  const [prefix] = needed.split(":");
  return actions.includes(needed) || actions.includes(`${prefix}:*`);
}

/** The actions or action prefixes a planned resource type needs; undefined for types that are not AWS resources. */
function needsOf(type: string): string[] | undefined {
  if (REMOTE_COMPONENT_NEEDS[type]) return [...REMOTE_COMPONENT_NEEDS[type]];
  if (!type.startsWith("aws:") || type.startsWith("pulumi:providers:")) return undefined;
  if (IAM_CREATE_ACTION[type]) return [IAM_CREATE_ACTION[type]];
  const prefix = IAM_PREFIX_OF_TYPE[type] ?? IAM_PREFIX_OF_MODULE[type.slice("aws:".length).split("/")[0]];
  if (!prefix) throw new Error(`${type}: no IAM prefix known for this AWS type; add it to this test and the deployer policy in docs/getting-started.md`);
  return [`${prefix}:`];
}

const plannedTypes = new Set<string>();
beforeAll(async () => {
  for (const stack of ["dev", "prod", "dr"]) for (const r of (await planStack(stack)).plan.resources) plannedTypes.add(r.type);
}, 180_000);

test("the documented deployer policy covers every AWS service and IAM object the shipped stacks plan", () => {
  const actions = documentedPolicyActions();
  const missing: string[] = [];
  for (const type of [...plannedTypes].sort()) {
    for (const need of needsOf(type) ?? []) {
      const covered = need.endsWith(":") ? actions.some((a) => a.startsWith(need)) : grants(actions, need);
      if (!covered) missing.push(`${type} needs ${need.endsWith(":") ? `${need}*` : need}`);
    }
  }
  expect(plannedTypes.size).toBeGreaterThan(30);
  expect(missing).toEqual([]);
});
