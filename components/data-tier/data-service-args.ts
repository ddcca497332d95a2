import type * as pulumi from "@pulumi/pulumi";
import type { ClientSecurityGroup } from "./client-access";

/** What every data service is given: where it runs, who may reach it, and how it is protected. */
export interface DataServiceArgs {
  /** Physical name prefix, e.g. `icna-prod`; the service's names are `<prefix>-<service>`. */
  readonly namePrefix: string;
  readonly vpcId: pulumi.Input<string>;
  /** Subnets the service runs in, in availability-zone order (isolated for stores, private for Kafka). */
  readonly subnetIds: pulumi.Input<string>[];
  /** The only security groups admitted, on the service's own ports. */
  readonly clients: readonly ClientSecurityGroup[];
  /** prod and dr: `protect`, final snapshots, deletion protection, retained keys and logs. */
  readonly isProduction: boolean;
  readonly tags: Record<string, string>;
  /** Retention of the service's logs in CloudWatch Logs, in days. @default 90 in production, 30 otherwise */
  readonly logRetentionDays?: number;
  /** Customer-managed key for data at rest (and the service's secrets). @default a new key owned by the service */
  readonly kmsKeyArn?: pulumi.Input<string>;
}
