import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";

const U = UNKNOWN;
const document = (statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const issuer = "oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF";
const trust = (condition: unknown) =>
  document([{ Effect: "Allow", Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` }, Action: "sts:AssumeRoleWithWebIdentity", ...(condition ? { Condition: condition } : {}) }]);

export const IAM_CASES: RuleCase[] = [
  // iam-no-admin-access
  { rule: "iam-no-admin-access", title: "scoped policy", subject: "app-policy", expect: "pass" },
  { rule: "iam-no-admin-access", title: "attachment of a policy this stack creates", subject: "app-policy-attachment", expect: "pass" },
  { rule: "iam-no-admin-access", title: "Action * on Resource *", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Sid: "Everything", Effect: "Allow", Action: "*", Resource: "*" }]) })], expect: "violation", message: ['Policy "app-policy"', '"Everything"', "every action"] },
  { rule: "iam-no-admin-access", title: "inline *:* on a role", subject: "app-irsa", changes: [set("app-irsa", { inlinePolicies: [{ name: "admin", policy: document([{ Effect: "Allow", Action: ["*:*"], Resource: "*" }]) }] })], expect: "violation", message: ["inlinePolicies[0]"] },
  { rule: "iam-no-admin-access", title: "AdministratorAccess attached", subject: "app-policy-attachment", changes: [set("app-policy-attachment", { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" })], expect: "violation", message: ["AdministratorAccess"] },
  { rule: "iam-no-admin-access", title: "IAMFullAccess attached (the holder can grant itself anything)", subject: "app-policy-attachment", changes: [set("app-policy-attachment", { policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" })], expect: "violation", message: ["IAMFullAccess"] },
  { rule: "iam-no-admin-access", title: "policy document computed", subject: "app-policy", changes: [set("app-policy", { policy: U })], expect: "undecided" },

  // iam-no-privilege-escalation
  { rule: "iam-no-privilege-escalation", title: "PassRole on the node role only", subject: "app-policy", expect: "pass" },
  { rule: "iam-no-privilege-escalation", title: "PassRole on every role", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Sid: "Pass", Effect: "Allow", Action: "iam:PassRole", Resource: "*" }]) })], expect: "violation", message: ['"Pass"', "iam:PassRole"] },
  { rule: "iam-no-privilege-escalation", title: "iam:* on every role ARN", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::*:role/*" }]) })], expect: "violation", message: ["iam:AttachRolePolicy", "iam:CreatePolicyVersion"] },
  { rule: "iam-no-privilege-escalation", title: "PassRole limited by iam:PassedToService", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }]) })], expect: "pass" },
  { rule: "iam-no-privilege-escalation", title: "actions computed", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: U, Resource: "*" }]) })], expect: "undecided" },

  // iam-no-unconstrained-sensitive-actions
  { rule: "iam-no-unconstrained-sensitive-actions", title: "actions scoped to ARNs", subject: "app-policy", expect: "pass" },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "read-only describe calls on *", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: ["ec2:DescribeInstances", "eks:DescribeCluster"], Resource: "*" }]) })], expect: "pass" },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "secrets and objects from anywhere", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "s3:GetObject"], Resource: "*" }]) })], expect: "violation", message: ["data exfiltration", "secretsmanager:GetSecretValue"] },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "writes on *", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: ["ec2:CreateTags", "s3:*"], Resource: "*" }]) })], expect: "violation", message: ["writes", "ec2:CreateTags"] },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "credentials on *", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }]) })], expect: "violation", message: ["exposes credentials"] },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "writes on * constrained by a tag condition", subject: "app-policy", changes: [set("app-policy", { policy: document([{ Effect: "Allow", Action: "ec2:CreateTags", Resource: "*", Condition: { StringEquals: { "aws:RequestTag/owner": "platform" } } }]) })], expect: "pass" },
  { rule: "iam-no-unconstrained-sensitive-actions", title: "policy computed", subject: "app-policy", changes: [set("app-policy", { policy: U })], expect: "undecided" },

  // iam-oidc-trust-scoped
  { rule: "iam-oidc-trust-scoped", title: "one service account", subject: "app-irsa", expect: "pass" },
  { rule: "iam-oidc-trust-scoped", title: "service trust is out of scope", subject: "app-irsa", changes: [set("app-irsa", { assumeRolePolicy: document([{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }]) })], expect: "pass" },
  { rule: "iam-oidc-trust-scoped", title: "no sub condition", subject: "app-irsa", changes: [set("app-irsa", { assumeRolePolicy: trust({ StringEquals: { [`${issuer}:aud`]: "sts.amazonaws.com" } }) })], expect: "violation", message: ["no <issuer>:sub condition"] },
  { rule: "iam-oidc-trust-scoped", title: "StringLike wildcard subject", subject: "app-irsa", changes: [set("app-irsa", { assumeRolePolicy: trust({ StringLike: { [`${issuer}:sub`]: "system:serviceaccount:*:*" } }) })], expect: "violation", message: ["StringLike"] },
  { rule: "iam-oidc-trust-scoped", title: "two subjects", subject: "app-irsa", changes: [set("app-irsa", { assumeRolePolicy: trust({ StringEquals: { [`${issuer}:sub`]: ["system:serviceaccount:app:api", "system:serviceaccount:app:worker"] } }) })], expect: "violation", message: ["2 subjects"] },
  { rule: "iam-oidc-trust-scoped", title: "trust policy computed (issuer unknown at preview)", subject: "app-irsa", changes: [set("app-irsa", { assumeRolePolicy: U })], expect: "undecided" },
];
