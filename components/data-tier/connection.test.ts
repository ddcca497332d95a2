import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { DataTier, DataTierConnection } from "./data-tier";

/**
 * An `up` under mocks (not a preview): every resource gets the ids and attributes AWS would return, so the
 * data tier's published outputs, policies and ConfigMaps resolve to real-shaped values.
 */
const CANARY_TOKEN = "canary-Pq4Wm8Zx1Ke6Rt3Yb9Nc2Vd7Lf5Hs0Ja";
const ACCOUNT = "111122223333";
const created: { type: string; name: string; inputs: Record<string, unknown> }[] = [];

function attributes(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case "aws:msk/cluster:Cluster":
      return { arn: `arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/${String(inputs.clusterName)}/5f1c7a2e-0b9d-4c3e-8a61-7d2f4e9b1c05-3`, bootstrapBrokersSaslIam: "b-1.icnaprodkafka.abc123.c3.kafka.us-east-1.amazonaws.com:9098,b-2.icnaprodkafka.abc123.c3.kafka.us-east-1.amazonaws.com:9098" };
    case "aws:rds/instance:Instance":
      return {
        arn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${String(inputs.identifier)}`,
        resourceId: "db-7QXKZ3M2PLN5R4TYVWBCDEFGH",
        address: `${String(inputs.identifier)}.c9akciq32.us-east-1.rds.amazonaws.com`,
        masterUserSecrets: [{ secretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:rds!db-7qxkz3m2-AbCdEf`, secretStatus: "active", kmsKeyId: "key" }],
      };
    case "aws:elasticache/replicationGroup:ReplicationGroup":
      return { arn: `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:${String(inputs.replicationGroupId)}`, primaryEndpointAddress: `master.${String(inputs.replicationGroupId)}.x1y2z3.use1.cache.amazonaws.com`, readerEndpointAddress: `replica.${String(inputs.replicationGroupId)}.x1y2z3.use1.cache.amazonaws.com` };
    case "random:index/randomPassword:RandomPassword":
      return { result: CANARY_TOKEN };
    case "aws:secretsmanager/secret:Secret":
      return { arn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${String(inputs.name)}-Xy12Ab` };
    case "aws:kms/key:Key":
      return { arn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${name}`, keyId: name };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${ACCOUNT}:role/${String(inputs.name)}` };
    default:
      return { arn: `arn:aws:mock:us-east-1:${ACCOUNT}:${name}` };
  }
}

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      created.push({ type: args.type, name: args.name, inputs: args.inputs as Record<string, unknown> });
      return { id: `${args.name}-id`, state: { ...(args.inputs as Record<string, unknown>), ...attributes(args.type, args.name, args.inputs as Record<string, unknown>) } };
    },
    call: () => {
      throw new Error("the data tier must not call data sources");
    },
  },
  "icna",
  "prod",
  false,
);

const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((resolve) => output.apply(resolve));

let connection: DataTierConnection;
beforeAll(async () => {
  const clusters = ["blue", "green"].map((colour) => ({
    name: colour,
    clusterSecurityGroupId: `sg-${colour}`,
    oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${colour.toUpperCase()}`,
    oidcProviderUrl: `https://oidc.eks.us-east-1.amazonaws.com/id/${colour.toUpperCase()}`,
    provider: new k8s.Provider(`${colour}-k8s`, { kubeconfig: "{}" }),
  }));
  const tier = new DataTier("icna-prod", {
    namePrefix: "icna-prod",
    region: "us-east-1",
    isProduction: true,
    tags: { owner: "platform-team" },
    settings: {
      kafka: { instanceType: "kafka.m7g.xlarge", brokerCount: 3, volumeSizeGiB: 500, kafkaVersion: "3.9.x.kraft", retentionHours: 168, enhancedMonitoring: "PER_BROKER" },
      postgres: {
        instanceClass: "db.r7g.large",
        engineVersion: "17",
        allocatedStorageGiB: 100,
        maxAllocatedStorageGiB: 1000,
        multiAz: true,
        backupRetentionDays: 14,
        databaseName: "icna",
        slowStatementMs: 1000,
        performanceInsightsRetentionDays: 7,
        monitoringIntervalSeconds: 15,
        dataSource: { kind: "empty" },
      },
      redis: { nodeType: "cache.r7g.large", engineVersion: "7.1", replicas: 2, snapshotRetentionDays: 7, evictionPolicy: "volatile-lru" },
      apps: [{ namespace: "orders", serviceAccount: "orders", databaseUser: "orders", kafkaPrefix: "orders." }],
      logRetentionDays: 90,
    },
    vpcId: "vpc-1",
    privateSubnetIds: ["subnet-p1", "subnet-p2", "subnet-p3"],
    isolatedSubnetIds: ["subnet-i1", "subnet-i2", "subnet-i3"],
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    clusters,
  });
  connection = await valueOf(tier.connection);
  await valueOf(tier.apps[0].roleArn);
});

describe("the data tier after an up (mocks)", () => {
  it("publishes endpoints and ARNs only", () => {
    expect(connection).toEqual({
      postgres: { address: "icna-prod-postgres.c9akciq32.us-east-1.rds.amazonaws.com", port: 5432, database: "icna", masterSecretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:rds!db-7qxkz3m2-AbCdEf` },
      kafka: { arn: expect.stringMatching(/^arn:aws:kafka:us-east-1:111122223333:cluster\/icna-prod-kafka\//), bootstrapBrokersIam: expect.stringMatching(/:9098,/) },
      redis: { primaryEndpoint: expect.stringMatching(/^master\.icna-prod-redis\./), readerEndpoint: expect.stringMatching(/^replica\./), port: 6379, authSecretArn: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:icna-prod-redis/auth-token-Xy12Ab` },
      appRoles: { orders: `arn:aws:iam::${ACCOUNT}:role/icna-prod-orders-data` },
    });
    expect(JSON.stringify(connection)).not.toContain(CANARY_TOKEN);
  });

  it("hands the token only to the replication group and the secret, never to Kubernetes, IAM or tags", () => {
    const holders = created.filter((r) => JSON.stringify(r.inputs).includes(CANARY_TOKEN)).map((r) => r.type);
    expect(holders.sort()).toEqual(["aws:elasticache/replicationGroup:ReplicationGroup", "aws:secretsmanager/secretVersion:SecretVersion"]);
  });

  it("grants the namespace's role its own database user and topics on the real ARNs", async () => {
    const policy = created.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy");
    const document = JSON.parse(String(policy?.inputs.policy)) as { Statement: { Sid: string; Resource: unknown }[] };
    const resource = (sid: string) => document.Statement.find((s) => s.Sid === sid)?.Resource;
    expect(resource("DatabaseIamAuth")).toBe(`arn:aws:rds-db:us-east-1:${ACCOUNT}:dbuser:db-7QXKZ3M2PLN5R4TYVWBCDEFGH/orders`);
    expect(resource("KafkaOwnTopics")).toBe(`arn:aws:kafka:us-east-1:${ACCOUNT}:topic/icna-prod-kafka/5f1c7a2e-0b9d-4c3e-8a61-7d2f4e9b1c05-3/orders.*`);
    expect(resource("ReadSecrets")).toEqual([`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:icna-prod-redis/auth-token-Xy12Ab`]);
  });

  it("writes the connection settings into each cluster's ConfigMap", () => {
    const maps = created.filter((r) => r.type === "kubernetes:core/v1:ConfigMap");
    expect(maps).toHaveLength(2);
    for (const map of maps) {
      expect(map.inputs.data).toMatchObject({ PGHOST: "icna-prod-postgres.c9akciq32.us-east-1.rds.amazonaws.com", PGUSER: "orders", REDIS_AUTH_SECRET_ARN: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:icna-prod-redis/auth-token-Xy12Ab` });
    }
  });
});
