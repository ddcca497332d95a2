import * as cloudwatch from "@grafana/grafana-foundation-sdk/cloudwatch";
import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as timeseries from "@grafana/grafana-foundation-sdk/timeseries";
import { CLOUDWATCH, icnaDashboard } from "./panels";

/** One CloudWatch metric of every resource carrying the dimension (a search, so new instances appear by themselves). */
export interface CloudWatchMetric {
  readonly namespace: "AWS/RDS" | "AWS/ElastiCache" | "AWS/Kafka";
  readonly metricName: string;
  readonly dimension: string;
  readonly statistic: "Average" | "Maximum" | "Sum";
}

/** The data-tier health signals: connections, CPU, replica lag and disk (RDS); evictions, CPU and connections (ElastiCache); under-replicated partitions and disk (MSK). */
export const DATA_TIER_PANELS: ReadonlyArray<{ readonly title: string; readonly unit: string; readonly metric: CloudWatchMetric }> = [
  { title: "RDS connections", unit: "short", metric: { namespace: "AWS/RDS", metricName: "DatabaseConnections", dimension: "DBInstanceIdentifier", statistic: "Maximum" } },
  { title: "RDS CPU", unit: "percent", metric: { namespace: "AWS/RDS", metricName: "CPUUtilization", dimension: "DBInstanceIdentifier", statistic: "Average" } },
  { title: "RDS replica lag", unit: "s", metric: { namespace: "AWS/RDS", metricName: "ReplicaLag", dimension: "DBInstanceIdentifier", statistic: "Maximum" } },
  { title: "RDS free storage", unit: "bytes", metric: { namespace: "AWS/RDS", metricName: "FreeStorageSpace", dimension: "DBInstanceIdentifier", statistic: "Average" } },
  { title: "ElastiCache evictions", unit: "short", metric: { namespace: "AWS/ElastiCache", metricName: "Evictions", dimension: "CacheClusterId", statistic: "Sum" } },
  { title: "ElastiCache engine CPU", unit: "percent", metric: { namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", dimension: "CacheClusterId", statistic: "Average" } },
  { title: "ElastiCache connections", unit: "short", metric: { namespace: "AWS/ElastiCache", metricName: "CurrConnections", dimension: "CacheClusterId", statistic: "Maximum" } },
  { title: "MSK under-replicated partitions", unit: "short", metric: { namespace: "AWS/Kafka", metricName: "UnderReplicatedPartitions", dimension: "Cluster Name", statistic: "Maximum" } },
  { title: "MSK data disk used", unit: "percent", metric: { namespace: "AWS/Kafka", metricName: "KafkaDataLogsDiskUsed", dimension: "Cluster Name", statistic: "Maximum" } },
];

/** RDS, ElastiCache and MSK health from CloudWatch (Grafana's CloudWatch datasource, read-only IRSA role). */
export function dataTierDashboard(): dashboard.Dashboard {
  const board = icnaDashboard("icna-data-tier", "ICNA / Data tier", "RDS, ElastiCache and MSK health from CloudWatch, every instance of each (5-minute periods).");
  for (const { title, unit, metric } of DATA_TIER_PANELS) {
    const query = new cloudwatch.MetricsQueryBuilder()
      .datasource(CLOUDWATCH)
      .queryMode(cloudwatch.QueryMode.Metrics)
      .metricQueryType(cloudwatch.MetricQueryType.Search)
      .metricEditorMode(cloudwatch.MetricEditorMode.Builder)
      .region("default")
      .namespace(metric.namespace)
      .metricName(metric.metricName)
      .dimensions({ [metric.dimension]: "*" })
      .matchExact(false)
      .statistic(metric.statistic)
      .period("300")
      .label(`\${PROP('Dim.${metric.dimension}')}`)
      .refId("A");
    board.withPanel(new timeseries.PanelBuilder().title(title).description(`${metric.namespace} ${metric.metricName} (${metric.statistic}) per ${metric.dimension}`).datasource(CLOUDWATCH).unit(unit).height(7).span(8).withTarget(query));
  }
  return board.build();
}
