import { adminManagedPolicy } from "../../policies/knowledge/iam-actions";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../../policies/knowledge/type-tokens";
import { escalationActionsGranted, parsePolicyDocument, Statement, unscopedResource } from "../../policies/support/iam";
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

const ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  TYPES.iamRolePolicyAttachment, TYPES.iamUserPolicyAttachment, TYPES.iamGroupPolicyAttachment, TYPES.iamPolicyAttachment,
  TYPES.eksAccessPolicyAssociation,
]);

/** The statements of a document, or none when it cannot be read yet (unknown) or is malformed: the unknown-values rule reports those. */
function statementsOf(document: PlanValue | undefined, path: string): Statement[] {
  try {
    return parsePolicyDocument(document, path);
  } catch {
    return [];
  }
}

function permissionGrants(statements: readonly Statement[], path: string): IamGrant[] {
  const grants: IamGrant[] = [];
  for (const statement of statements) {
    if (statement.effect !== "Allow") continue;
    const onEverything = unscopedResource(statement);
    const where = onEverything ? "*" : statement.resources.join(", ") || "(no resource)";
    if (statement.notActions.length > 0) grants.push({ severity: onEverything ? "critical" : "high", what: `every action except ${statement.notActions.join(", ")} on ${where}`, path });
    for (const action of statement.actions) {
      const a = action.toLowerCase();
      if (a === "*" || a === "*:*") grants.push({ severity: onEverything ? "critical" : "high", what: `every action (${action}) on ${where}`, path });
      else if (a === "iam:*") grants.push({ severity: "critical", what: `all of IAM (${action}) on ${where}`, path });
      else if (/^[a-z0-9-]+:\*$/.test(a) && onEverything) grants.push({ severity: "medium", what: `every ${a.split(":")[0]} action on *`, path });
    }
    const coveredAbove = statement.actions.some((p) => p === "*" || p === "*:*" || p.toLowerCase() === "iam:*");
    const escalation = coveredAbove ? [] : escalationActionsGranted(statement);
    for (const action of escalation) grants.push({ severity: "high", what: `${action} on ${where}`, path });
  }
  return grants;
}

function trustGrants(statements: readonly Statement[], path: string): IamGrant[] {
  return statements
    .filter((s) => s.effect === "Allow" && !s.hasCondition)
    .filter((s) => s.principal === "*" || (s.principal?.AWS ?? []).includes("*"))
    .map(() => ({ severity: "critical" as const, what: "anyone (Principal *) may assume this role, with no condition", path }));
}

function managedPolicyGrant(arn: string, path: string): IamGrant[] {
  const admin = adminManagedPolicy(arn);
  return admin ? [{ severity: admin.severity, what: `the managed policy ${admin.name}`, path }] : [];
}

const strings = (value: PlanValue | undefined): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Dangerous permissions a resource grants according to its inputs. */
export function iamGrants(type: string, inputs: Readonly<Record<string, PlanValue>> | undefined): IamGrant[] {
  if (!inputs) return [];
  const grants: IamGrant[] = [];
  if ((IAM_POLICY_DOCUMENT_TYPES as readonly string[]).includes(type)) grants.push(...permissionGrants(statementsOf(inputs.policy, "policy"), "policy"));
  if (type === TYPES.iamRole) {
    grants.push(...trustGrants(statementsOf(inputs.assumeRolePolicy, "assumeRolePolicy"), "assumeRolePolicy"));
    if (Array.isArray(inputs.inlinePolicies)) {
      inputs.inlinePolicies.forEach((inline, i) => {
        if (inline && typeof inline === "object" && !Array.isArray(inline)) grants.push(...permissionGrants(statementsOf(inline.policy, `inlinePolicies[${i}].policy`), `inlinePolicies[${i}].policy`));
      });
    }
    strings(inputs.managedPolicyArns).forEach((arn, i) => grants.push(...managedPolicyGrant(arn, `managedPolicyArns[${i}]`)));
  }
  if (ATTACHMENT_TYPES.has(type) && typeof inputs.policyArn === "string") grants.push(...managedPolicyGrant(inputs.policyArn, "policyArn"));
  return grants;
}

/** Grants present after the change and not before. */
export function newGrants(change: Change): IamGrant[] {
  const before = new Set(iamGrants(change.type, change.oldInputs).map((g) => g.what));
  return iamGrants(change.type, change.newInputs).filter((g) => !before.has(g.what));
}
