/**
 * IAM actions and managed policies whose grant is dangerous: the one list the policy rules
 * (iam-no-privilege-escalation, iam-no-unconstrained-sensitive-actions) and the review's
 * iam-escalation risk rule read.
 */

/**
 * Actions that let a principal raise its own privileges: Rhino Security Labs' escalation methods, as
 * Cloudsplaining lists them. ec2:RunInstances is not one on its own: it escalates only with
 * iam:PassRole (listed), and Karpenter needs it on images, subnets and security groups.
 */
export const PRIVILEGE_ESCALATION_ACTIONS = [
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:PassRole",
  "iam:CreateAccessKey",
  "iam:CreateLoginProfile",
  "iam:UpdateLoginProfile",
  "iam:AttachUserPolicy",
  "iam:AttachGroupPolicy",
  "iam:AttachRolePolicy",
  "iam:PutUserPolicy",
  "iam:PutGroupPolicy",
  "iam:PutRolePolicy",
  "iam:AddUserToGroup",
  "iam:UpdateAssumeRolePolicy",
  "sts:AssumeRole",
  "lambda:UpdateFunctionCode",
  "glue:UpdateDevEndpoint",
  "ssm:SendCommand",
  "ec2:CreateLaunchTemplateVersion",
] as const;

/** Actions whose unconstrained grant leaks credentials (CKV_AWS_287). */
export const CREDENTIAL_EXPOSURE_ACTIONS = [
  "iam:CreateAccessKey",
  "iam:CreateServiceSpecificCredential",
  "iam:UpdateAccessKey",
  "iam:ResetServiceSpecificCredential",
  "iam:UploadSSHPublicKey",
  "ecr:GetAuthorizationToken",
  "redshift:GetClusterCredentials",
  "sts:GetFederationToken",
  "lightsail:GetInstanceAccessDetails",
  "chime:CreateApiKey",
] as const;

/** Actions whose unconstrained grant lets data leave (CKV_AWS_288). */
export const DATA_EXFILTRATION_ACTIONS = [
  "s3:GetObject",
  "ssm:GetParameter",
  "ssm:GetParameters",
  "ssm:GetParametersByPath",
  "secretsmanager:GetSecretValue",
  "kms:Decrypt",
  "rds:CopyDBSnapshot",
  "rds:CreateDBSnapshot",
  "dynamodb:Scan",
] as const;

/** AWS managed policies that make their holder an administrator, and how bad that is. */
export const ADMIN_MANAGED_POLICIES: Readonly<Record<string, "critical" | "high">> = {
  AdministratorAccess: "critical",
  IAMFullAccess: "critical",
  PowerUserAccess: "high",
  AmazonEKSClusterAdminPolicy: "high",
  AmazonEKSAdminPolicy: "high",
};

/** The admin managed policy an ARN names (`arn:aws:iam::aws:policy/IAMFullAccess`), with its severity, or undefined. */
export function adminManagedPolicy(arn: string): { readonly name: string; readonly severity: "critical" | "high" } | undefined {
  const name = arn.slice(arn.lastIndexOf("/") + 1);
  const severity = Object.hasOwn(ADMIN_MANAGED_POLICIES, name) ? ADMIN_MANAGED_POLICIES[name] : undefined;
  return severity === undefined ? undefined : { name, severity };
}
