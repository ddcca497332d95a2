/**
 * Response shapes as the AWS API reference documents them (RDS DescribeDBInstances / PromoteReadReplica /
 * DescribeDBInstanceAutomatedBackups, CloudWatch GetMetricData, Route 53 ChangeResourceRecordSets /
 * GetChange / ListResourceRecordSets, EKS DescribeCluster), with this project's names. Only the fields the
 * runbook reads are asserted on; the others are kept so the shapes stay recognisable.
 */
import type { ClusterStatus, DescribeClusterCommandOutput } from "@aws-sdk/client-eks";
import type { GetMetricDataCommandOutput } from "@aws-sdk/client-cloudwatch";
import type {
  DBInstance,
  DescribeDBInstancesCommandOutput,
  PromoteReadReplicaCommandOutput,
} from "@aws-sdk/client-rds";
import type {
  ChangeResourceRecordSetsCommandOutput,
  GetChangeCommandOutput,
  ListResourceRecordSetsCommandOutput,
} from "@aws-sdk/client-route-53";

const metadata = {
  httpStatusCode: 200,
  requestId: "7bd2a8c5-1c4b-4b49-9e3f-0c2d5f6a7e81",
  attempts: 1,
  totalRetryDelay: 0,
};

export const PRIMARY_DB_ARN = "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres";
export const DR_DB_ARN = "arn:aws:rds:us-west-2:111122223333:db:icna-dr-postgres";

function instance(identifier: string, arn: string, status: string, replicaOf?: string): DBInstance {
  return {
    DBInstanceIdentifier: identifier,
    DBInstanceArn: arn,
    DBInstanceClass: "db.r7g.large",
    Engine: "postgres",
    EngineVersion: "17.4",
    DBInstanceStatus: status,
    MultiAZ: true,
    AvailabilityZone: arn.includes("us-west-2") ? "us-west-2a" : "us-east-1a",
    BackupRetentionPeriod: replicaOf ? 0 : 14,
    Endpoint: {
      Address: `${identifier}.c9akciq32.${arn.split(":")[3]}.rds.amazonaws.com`,
      Port: 5432,
      HostedZoneId: "Z1PVIF0B656C1W",
    },
    ...(replicaOf
      ? {
          ReadReplicaSourceDBInstanceIdentifier: replicaOf,
          StatusInfos: [{ StatusType: "read replication", Normal: true, Status: "replicating" }],
        }
      : { ReadReplicaDBInstanceIdentifiers: [] }),
  };
}

export const describeDb = (
  identifier: string,
  arn: string,
  status: string,
  replicaOf?: string,
): DescribeDBInstancesCommandOutput => ({
  $metadata: metadata,
  DBInstances: [instance(identifier, arn, status, replicaOf)],
});

export const drReplica = (status = "available") => describeDb("icna-dr-postgres", DR_DB_ARN, status, PRIMARY_DB_ARN);
export const drStandalone = (status = "available") => describeDb("icna-dr-postgres", DR_DB_ARN, status);

export const promoteAccepted = (): PromoteReadReplicaCommandOutput => ({
  $metadata: metadata,
  DBInstance: instance("icna-dr-postgres", DR_DB_ARN, "modifying", PRIMARY_DB_ARN),
});

export const replicaLag = (seconds: number, at: Date): GetMetricDataCommandOutput => ({
  $metadata: metadata,
  MetricDataResults: [
    {
      Id: "lag",
      Label: "ReplicaLag",
      Timestamps: [at, new Date(at.getTime() - 60_000)],
      Values: [seconds, seconds + 1],
      StatusCode: "Complete",
    },
  ],
  Messages: [],
});

export const noLagDatapoints = (): GetMetricDataCommandOutput => ({
  $metadata: metadata,
  MetricDataResults: [{ Id: "lag", Label: "ReplicaLag", Timestamps: [], Values: [], StatusCode: "Complete" }],
  Messages: [],
});

export const changeSubmitted = (id: string, submittedAt: Date): ChangeResourceRecordSetsCommandOutput => ({
  $metadata: metadata,
  ChangeInfo: { Id: `/change/${id}`, Status: "PENDING", SubmittedAt: submittedAt, Comment: "icna dr" },
});

export const change = (id: string, status: "PENDING" | "INSYNC", submittedAt: Date): GetChangeCommandOutput => ({
  $metadata: metadata,
  ChangeInfo: { Id: `/change/${id}`, Status: status, SubmittedAt: submittedAt },
});

export const weightedRecords = (
  records: { setIdentifier: string; weight: number; value: string }[],
): ListResourceRecordSetsCommandOutput => ({
  $metadata: metadata,
  ResourceRecordSets: records.map((r) => ({
    Name: "app.example.com.",
    Type: "CNAME",
    SetIdentifier: r.setIdentifier,
    Weight: r.weight,
    TTL: 60,
    ResourceRecords: [{ Value: r.value }],
  })),
  IsTruncated: false,
  MaxItems: 1,
});

export const eksCluster = (name: string, region: string, status: ClusterStatus): DescribeClusterCommandOutput => ({
  $metadata: metadata,
  cluster: {
    name,
    arn: `arn:aws:eks:${region}:111122223333:cluster/${name}`,
    version: "1.33",
    status,
    endpoint: `https://A1B2C3D4E5F6.gr7.${region}.eks.amazonaws.com`,
    identity: { oidc: { issuer: `https://oidc.eks.${region}.amazonaws.com/id/A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6` } },
    certificateAuthority: {
      data: Buffer.from(
        "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIQ2k0Q0xY1l4wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n",
      ).toString("base64"),
    },
    platformVersion: "eks.9",
  },
});
