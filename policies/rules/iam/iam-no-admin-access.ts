import { Finding, PolicyResource } from "../../model";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { parsePolicyDocument, policyDocumentsOf } from "../../support/iam";
import { IAM_POLICY_DOCUMENT_TYPES, TYPES } from "../../knowledge/type-tokens";
import { partialStrings, peek } from "../../values";

const ADMIN_POLICY = /:policy\/AdministratorAccess$/;

function documentFindings(resource: PolicyResource, document: unknown, where: string): Finding[] {
  return parsePolicyDocument(document, where)
    .filter((s) => s.effect === "Allow" && (s.actions.some((a) => a === "*" || a === "*:*") || (s.notActions.length > 0 && s.resources.includes("*"))))
    .map((s) => violation(`${label(resource)} ${where} statement ${s.sid ? `"${s.sid}"` : `#${s.index + 1}`} allows every action${s.notActions.length > 0 ? " but a few (NotAction)" : ""}: list the actions the workload needs`));
}

export const iamNoAdminAccess: ResourceRule = {
  scope: "resource",
  name: "iam-no-admin-access",
  area: "iam",
  description: "No IAM policy grants every action (\"*\" / \"*:*\"), and no role, user or group gets AdministratorAccess.",
  severity: "critical",
  checkov: ["CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_274"],
  enforcement: LEVELS.everywhere,
  resourceTypes: [...IAM_POLICY_DOCUMENT_TYPES, TYPES.iamRole, TYPES.iamRolePolicyAttachment, TYPES.iamUserPolicyAttachment, TYPES.iamGroupPolicyAttachment, TYPES.iamPolicyAttachment],
  remediation: "Grant the specific actions and resources the workload uses; never attach AdministratorAccess to a workload.",
  evaluate(resource) {
    switch (resource.type) {
      case TYPES.iamRole: {
        const findings: Finding[] = [];
        for (const { where, document } of policyDocumentsOf(resource)) findings.push(...documentFindings(resource, document, where));
        const managed = partialStrings(resource.props, "managedPolicyArns");
        if (managed?.known.some((arn) => ADMIN_POLICY.test(arn))) findings.push(violation(`${label(resource)} has AdministratorAccess in managedPolicyArns: attach a policy scoped to what the role does`));
        return findings;
      }
      case TYPES.iamRolePolicyAttachment:
      case TYPES.iamUserPolicyAttachment:
      case TYPES.iamGroupPolicyAttachment:
      case TYPES.iamPolicyAttachment: {
        // An unknown ARN is a policy this stack creates, which the rule checks on its own.
        const arn = peek(resource.props, "policyArn");
        if (typeof arn !== "string" || !ADMIN_POLICY.test(arn)) return [];
        return [violation(`${label(resource)} attaches AdministratorAccess: attach a policy scoped to what the principal does`)];
      }
      default:
        return policyDocumentsOf(resource).flatMap(({ where, document }) => documentFindings(resource, document, where));
    }
  },
};
