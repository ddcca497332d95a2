import {
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  PromoteReadReplicaCommand,
  RDSClient,
} from "@aws-sdk/client-rds";
import type { DatabaseApi, DatabaseState } from "../ports";

const isNotFound = (error: unknown) =>
  error instanceof Error &&
  (error.name === "DBInstanceNotFoundFault" || error.name === "DBInstanceAutomatedBackupNotFoundFault");

/** RDS through the AWS SDK v3, one client per region. */
export class RdsDatabaseApi implements DatabaseApi {
  private readonly clients = new Map<string, RDSClient>();

  private client(region: string): RDSClient {
    let client = this.clients.get(region);
    if (!client) this.clients.set(region, (client = new RDSClient({ region })));
    return client;
  }

  async describe(region: string, identifier: string): Promise<DatabaseState | undefined> {
    try {
      const result = await this.client(region).send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: identifier }),
      );
      const instance = result.DBInstances?.[0];
      if (!instance) return undefined;
      return {
        identifier: instance.DBInstanceIdentifier ?? identifier,
        arn: instance.DBInstanceArn ?? "",
        status: instance.DBInstanceStatus ?? "unknown",
        ...(instance.ReadReplicaSourceDBInstanceIdentifier
          ? { replicaSource: instance.ReadReplicaSourceDBInstanceIdentifier }
          : {}),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async promote(region: string, identifier: string, backupRetentionDays: number): Promise<void> {
    await this.client(region).send(
      new PromoteReadReplicaCommand({ DBInstanceIdentifier: identifier, BackupRetentionPeriod: backupRetentionDays }),
    );
  }

  async latestRestorableTime(region: string, automatedBackupsArn: string): Promise<Date | undefined> {
    try {
      const result = await this.client(region).send(
        new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceAutomatedBackupsArn: automatedBackupsArn }),
      );
      return result.DBInstanceAutomatedBackups?.[0]?.RestoreWindow?.LatestTime;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
