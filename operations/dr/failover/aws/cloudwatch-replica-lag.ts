import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import type { LagReading, ReplicationLagApi } from "../ports";

/** How far back to look for a ReplicaLag datapoint (RDS publishes it every minute). */
const LOOKBACK_MS = 15 * 60_000;

/** RDS `ReplicaLag` (seconds) from CloudWatch: the replica's distance behind its source, i.e. the data a failover loses. */
export class CloudWatchReplicaLag implements ReplicationLagApi {
  private readonly clients = new Map<string, CloudWatchClient>();

  private client(region: string): CloudWatchClient {
    let client = this.clients.get(region);
    if (!client) this.clients.set(region, (client = new CloudWatchClient({ region })));
    return client;
  }

  async replicaLag(region: string, identifier: string, now: Date): Promise<LagReading | undefined> {
    const result = await this.client(region).send(
      new GetMetricDataCommand({
        StartTime: new Date(now.getTime() - LOOKBACK_MS),
        EndTime: now,
        ScanBy: "TimestampDescending",
        MetricDataQueries: [
          {
            Id: "lag",
            MetricStat: {
              Metric: {
                Namespace: "AWS/RDS",
                MetricName: "ReplicaLag",
                Dimensions: [{ Name: "DBInstanceIdentifier", Value: identifier }],
              },
              Period: 60,
              Stat: "Maximum",
            },
            ReturnData: true,
          },
        ],
      }),
    );
    const series = result.MetricDataResults?.find((r) => r.Id === "lag");
    const values = series?.Values ?? [];
    const times = series?.Timestamps ?? [];
    if (values.length === 0 || times.length === 0) return undefined;
    // TimestampDescending: the first datapoint is the latest.
    return { seconds: values[0], at: times[0] };
  }
}
