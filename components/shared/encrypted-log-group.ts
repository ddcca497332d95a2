import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { isProductionEnvironment } from "../../stacks/config/environment";
import type { Environment } from "../../stacks/config/schema";
import type { AwsAccount } from "./aws-account";
import { LOG_RETENTION_DAYS, logsKeyPolicy } from "./cloudwatch-logs";

/** A CloudWatch Logs group the platform creates for a cluster, with its own customer-managed key. */
export interface EncryptedLogGroupArgs {
  /** The group's name. */
  readonly groupName: string;
  /** The log-group names (`*` allowed) CloudWatch Logs may use the key for. */
  readonly keyScope: string;
  /** Sid of the key-policy statement that lets CloudWatch Logs use the key. */
  readonly keyPolicySid: string;
  /** The key's description. */
  readonly keyDescription: string;
  readonly account: AwsAccount;
  /** The stack kind: it sets the retention (LOG_RETENTION_DAYS); in prod and dr the key is protected and kept 30 days after deletion is requested. */
  readonly environment: Environment;
  readonly tags: Record<string, string>;
}

/** Resource names of the key and the group (their URNs: keep them stable). */
export interface EncryptedLogGroupNames {
  readonly key: string;
  readonly group: string;
}

/** A rotating KMS key that CloudWatch Logs may use only for `keyScope`, and the group it encrypts, retained by stack kind. */
export function createEncryptedLogGroup(
  names: EncryptedLogGroupNames,
  args: EncryptedLogGroupArgs,
  opts: pulumi.CustomResourceOptions,
): { readonly key: aws.kms.Key; readonly group: aws.cloudwatch.LogGroup } {
  const key = new aws.kms.Key(
    names.key,
    {
      description: args.keyDescription,
      enableKeyRotation: true,
      deletionWindowInDays: isProductionEnvironment(args.environment) ? 30 : 7,
      policy: JSON.stringify(logsKeyPolicy(args.account, args.keyScope, args.keyPolicySid)),
      tags: args.tags,
    },
    { ...opts, protect: isProductionEnvironment(args.environment) },
  );
  const group = new aws.cloudwatch.LogGroup(
    names.group,
    { name: args.groupName, retentionInDays: LOG_RETENTION_DAYS[args.environment], kmsKeyId: key.arn, tags: args.tags },
    opts,
  );
  return { key, group };
}
