import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** A customer-managed KMS key owned by one data service. */
export interface DataKeyArgs {
  /** Alias without the `alias/` prefix, e.g. `icna-prod-postgres`. */
  readonly alias: string;
  readonly description: string;
  /** prod and dr: 30-day deletion window, `protect` and `retainOnDelete` (snapshots and replicated backups outlive the service). */
  readonly isProduction: boolean;
  readonly tags: Record<string, string>;
}

/**
 * Creates a symmetric CMK with yearly rotation and an alias. The key policy is the AWS default (the account
 * delegates to IAM), so access is granted by IAM policies such as the application roles'.
 */
export function createDataKey(name: string, args: DataKeyArgs, opts: pulumi.CustomResourceOptions): aws.kms.Key {
  const key = new aws.kms.Key(
    name,
    {
      description: args.description,
      enableKeyRotation: true,
      deletionWindowInDays: args.isProduction ? 30 : 7,
      tags: args.tags,
    },
    { ...opts, protect: args.isProduction, retainOnDelete: args.isProduction },
  );
  new aws.kms.Alias(`${name}-alias`, { name: `alias/${args.alias}`, targetKeyId: key.keyId }, opts);
  return key;
}
