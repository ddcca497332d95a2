import { PlanValue } from "../plan/model";
import { Change } from "../changes/change";
import { RiskSeverity } from "./finding";

/** One dangerous permission a resource grants. */
export interface IamGrant {
  readonly severity: RiskSeverity;
  /** What it allows, in words, e.g. `iam:PassRole on *`. */
  readonly what: string;
  /** Where: `policy`, `inlinePolicies[0].policy`, `policyArn`. */
  readonly path: string;
}

/** Actions that let a principal raise its own privileges (Rhino Security Labs' IAM escalation methods). */
const ESCALATION_ACTIONS = [
  "iam:passrole", "iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachrolepolicy", "iam:attachuserpolicy",
  "iam:attachgrouppolicy", "iam:putrolepolicy", "iam:putuserpolicy", "iam:putgrouppolicy", "iam:createaccesskey",
  "iam:updateassumerolepolicy", "iam:createloginprofile", "iam:updateloginprofile", "iam:addusertogroup", "sts:assumerole",
  "lambda:updatefunctioncode", "ec2:runinstances",
];
const ADMIN_MANAGED_POLICIES: Readonly<Record<string, RiskSeverity>> = {
  AdministratorAccess: "critical",
  IAMFullAccess: "critical",
  PowerUserAccess: "high",
  AmazonEKSClusterAdminPolicy: "high",
  AmazonEKSAdminPolicy: "high",
};
const POLICY_DOCUMENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  "aws:iam/policy:Policy": ["policy"],
  "aws:iam/rolePolicy:RolePolicy": ["policy"],
  "aws:iam/userPolicy:UserPolicy": ["policy"],
  "aws:iam/groupPolicy:GroupPolicy": ["policy"],
};
const ATTACHMENT_TYPES = new Set([
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment",
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
]);

type Statement = Record<string, unknown>;

function parseDocument(value: PlanValue | undefined): Statement[] | undefined {
  let document: unknown = value;
  if (typeof value === "string") {
    try {
      document = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!document || typeof document !== "object") return undefined;
  const statements = (document as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  return list.filter((s): s is Statement => !!s && typeof s === "object");
}

const strings = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

function permissionGrants(statements: readonly Statement[], path: string): IamGrant[] {
  const grants: IamGrant[] = [];
  for (const statement of statements) {
    if (statement.Effect !== "Allow") continue;
    const resources = strings(statement.Resource);
    const onEverything = resources.includes("*") || statement.NotResource !== undefined;
    const where = onEverything ? "*" : resources.join(", ") || "(no resource)";
    if (statement.NotAction !== undefined) grants.push({ severity: onEverything ? "critical" : "high", what: `every action except ${strings(statement.NotAction).join(", ")} on ${where}`, path });
    for (const action of strings(statement.Action)) {
      const a = action.toLowerCase();
      if (a === "*" || a === "*:*") grants.push({ severity: onEverything ? "critical" : "high", what: `every action (${action}) on ${where}`, path });
      else if (a === "iam:*") grants.push({ severity: "critical", what: `all of IAM (${action}) on ${where}`, path });
      else if (ESCALATION_ACTIONS.includes(a) && onEverything) grants.push({ severity: "high", what: `${action} on *`, path });
      else if (/^[a-z0-9-]+:\*$/.test(a) && onEverything) grants.push({ severity: "medium", what: `every ${a.split(":")[0]} action on *`, path });
    }
  }
  return grants;
}

function trustGrants(statements: readonly Statement[], path: string): IamGrant[] {
  return statements
    .filter((s) => s.Effect === "Allow" && s.Condition === undefined)
    .filter((s) => s.Principal === "*" || strings((s.Principal as Record<string, unknown> | undefined)?.AWS).includes("*"))
    .map(() => ({ severity: "critical" as const, what: "anyone (Principal *) may assume this role, with no condition", path }));
}

/** Dangerous permissions a resource grants according to its inputs. */
export function iamGrants(type: string, inputs: Readonly<Record<string, PlanValue>> | undefined): IamGrant[] {
  if (!inputs) return [];
  const grants: IamGrant[] = [];
  for (const key of POLICY_DOCUMENT_TYPES[type] ?? []) {
    const statements = parseDocument(inputs[key]);
    if (statements) grants.push(...permissionGrants(statements, key));
  }
  if (type === "aws:iam/role:Role") {
    const trust = parseDocument(inputs.assumeRolePolicy);
    if (trust) grants.push(...trustGrants(trust, "assumeRolePolicy"));
    if (Array.isArray(inputs.inlinePolicies)) {
      inputs.inlinePolicies.forEach((inline, i) => {
        const statements = inline && typeof inline === "object" && !Array.isArray(inline) ? parseDocument(inline.policy) : undefined;
        if (statements) grants.push(...permissionGrants(statements, `inlinePolicies[${i}].policy`));
      });
    }
    strings(inputs.managedPolicyArns).forEach((arn, i) => grants.push(...managedPolicyGrant(arn, `managedPolicyArns[${i}]`)));
  }
  if (ATTACHMENT_TYPES.has(type) && typeof inputs.policyArn === "string") grants.push(...managedPolicyGrant(inputs.policyArn, "policyArn"));
  return grants;
}

function managedPolicyGrant(arn: string, path: string): IamGrant[] {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const severity = ADMIN_MANAGED_POLICIES[name];
  return severity ? [{ severity, what: `the managed policy ${name}`, path }] : [];
}

/** Grants present after the change and not before. */
export function newGrants(change: Change): IamGrant[] {
  const before = new Set(iamGrants(change.type, change.oldInputs).map((g) => g.what));
  return iamGrants(change.type, change.newInputs).filter((g) => !before.has(g.what));
}
