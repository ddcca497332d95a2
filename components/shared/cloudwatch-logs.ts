import type { Environment } from "../../stacks/config/schema";
import { accountRootArn, partitionOf, type AwsAccount } from "./aws-account";

/**
 * Log retention by stack kind, for every log group the platform creates for a cluster (container
 * logs, control-plane logs): dev short, prod a year for incident reviews, dr as long as it may serve.
 */
export const LOG_RETENTION_DAYS: Readonly<Record<Environment, number>> = { dev: 30, prod: 365, dr: 365 };

/** The ARN of a log group in the account, from its plain name (known at preview). */
export function logGroupArn(account: AwsAccount, logGroupName: string): string {
  return `arn:${partitionOf(account.region)}:logs:${account.region}:${account.accountId}:log-group:${logGroupName}`;
}

/**
 * The policy of a KMS key that encrypts log groups: the account administers the key through IAM;
 * CloudWatch Logs in this region may use it only for the log groups whose names match
 * `logGroupNamePattern` (encryption-context condition, as the CloudWatch Logs guide requires).
 */
export function logsKeyPolicy(account: AwsAccount, logGroupNamePattern: string, sid: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountAdministers",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(account) },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: sid,
        Effect: "Allow",
        Principal: { Service: `logs.${account.region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": logGroupArn(account, logGroupNamePattern) } },
      },
    ],
  };
}
