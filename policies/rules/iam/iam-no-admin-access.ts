import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { parsePolicyDocument, policyDocumentsOf } from "../../support/iam";
import { adminManagedPolicy } from "../../knowledge/iam-actions";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../../knowledge/type-tokens";
import { partialStrings, peek } from "../../values";

/** The managed policy an ARN names when it makes its holder a full administrator (AdministratorAccess, IAMFullAccess). */
function fullAdminPolicy(arn: string): string | undefined {
  const admin = adminManagedPolicy(arn);
  return admin?.severity === "critical" ? admin.name : undefined;
}

function documentFindings(resource: PolicyResource, document: unknown, where: string): Finding[] {
  return parsePolicyDocument(document, where)
    .filter((s) => s.effect === "Allow" && (s.actions.some((a) => a === "*" || a === "*:*") || (s.notActions.length > 0 && s.resources.includes("*"))))
    .map((s) => violation(`${label(resource)} ${where} statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`} allows every action${s.notActions.length > 0 ? " but a few (NotAction)" : ""}: list the actions the workload needs`));
}

export const iamNoAdminAccess: ResourceRule = {
  scope: "resource",
  name: "iam-no-admin-access",
  area: "iam",
  description: "No IAM policy grants every action (\"*\" / \"*:*\"), and no role, user or group gets AdministratorAccess or IAMFullAccess.",
  severity: "critical",
  checkov: ["CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_274"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [...IAM_POLICY_DOCUMENT_TYPES, TYPES.iamRole, TYPES.iamRolePolicyAttachment, TYPES.iamUserPolicyAttachment, TYPES.iamGroupPolicyAttachment, TYPES.iamPolicyAttachment],
  remediation: "Grant the specific actions and resources the workload uses; never attach AdministratorAccess or IAMFullAccess to a workload.",
  evaluate(resource) {
    switch (resource.type) {
      case TYPES.iamRole: {
        const findings: Finding[] = [];
        for (const { where, document } of policyDocumentsOf(resource)) findings.push(...documentFindings(resource, document, where));
        const admins = (partialStrings(resource.props, "managedPolicyArns")?.known ?? []).flatMap((arn) => fullAdminPolicy(arn) ?? []);
        for (const name of admins) findings.push(violation(`${label(resource)} has ${name} in managedPolicyArns: attach a policy scoped to what the role does`));
        return findings;
      }
      case TYPES.iamRolePolicyAttachment:
      case TYPES.iamUserPolicyAttachment:
      case TYPES.iamGroupPolicyAttachment:
      case TYPES.iamPolicyAttachment: {
        // An unknown ARN is a policy this stack creates, which the rule checks on its own.
        const arn = peek(resource.props, "policyArn");
        const name = typeof arn === "string" ? fullAdminPolicy(arn) : undefined;
        return name === undefined ? [] : [violation(`${label(resource)} attaches ${name}: attach a policy scoped to what the principal does`)];
      }
      default:
        return policyDocumentsOf(resource).flatMap(({ where, document }) => documentFindings(resource, document, where));
    }
  },
};
