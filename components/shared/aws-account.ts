/** The AWS account a stack deploys into, known from config so ARNs never need a credentialed lookup. */
export interface AwsAccount {
  /** 12-digit account id. */
  readonly accountId: string;
  readonly region: string;
}

/** ARN partition of a region: aws, aws-us-gov or aws-cn. */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

export function accountRootArn(account: AwsAccount): string {
  return `arn:${partitionOf(account.region)}:iam::${account.accountId}:root`;
}
