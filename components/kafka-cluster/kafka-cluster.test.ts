import { OfflinePlan, PlanResource } from "../../review/plan/model";
import { childOfType, ingressRulesOf, planComponents } from "../../testing/component-plan";
import { named } from "../../testing/plan-queries";
import { KafkaCluster, KafkaClusterArgs } from "./kafka-cluster";

const CLUSTER = "aws:msk/cluster:Cluster";
const clients = [
  { name: "blue", securityGroupId: "sg-0b1e0000000000001" },
  { name: "green", securityGroupId: "sg-0a2e0000000000002" },
];
const args = (overrides: Partial<KafkaClusterArgs> = {}): KafkaClusterArgs => ({
  namePrefix: "icna-prod",
  vpcId: "vpc-0123456789abcdef0",
  subnetIds: ["subnet-a", "subnet-b", "subnet-c", "subnet-d"],
  clients,
  instanceType: "kafka.m7g.xlarge",
  brokerCount: 3,
  volumeSizeGiB: 500,
  kafkaVersion: "3.9.x.kraft",
  retentionHours: 168,
  enhancedMonitoring: "PER_TOPIC_PER_BROKER",
  isProduction: true,
  tags: { owner: "platform-team" },
  ...overrides,
});

let prod: OfflinePlan;
let cluster: PlanResource;
beforeAll(async () => {
  prod = await planComponents("prod", () => new KafkaCluster("kafka", args()));
  cluster = named(prod, CLUSTER, "kafka-cluster");
});

describe("KafkaCluster", () => {
  it("accepts clients only over TLS with IAM authentication", () => {
    expect(cluster.inputs.clientAuthentication).toEqual({ sasl: { iam: true }, unauthenticated: false });
    expect(cluster.inputs.encryptionInfo).toMatchObject({ encryptionInTransit: { clientBroker: "TLS", inCluster: true } });
    expect((cluster.inputs.brokerNodeGroupInfo as Record<string, unknown>).connectivityInfo).toEqual({ publicAccess: { type: "DISABLED" } });
  });

  it("encrypts data at rest with its own rotating customer-managed key, retained in production", () => {
    const key = named(prod, "aws:kms/key:Key", "kafka-key");
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    expect(key).toMatchObject({ protect: true, retainOnDelete: true });
    expect(cluster.dependencies).toContain(key.urn);
    expect(named(prod, "aws:kms/alias:Alias", "kafka-key-alias").inputs.name).toBe("alias/icna-prod-kafka");
  });

  it("uses a caller's key when given one", async () => {
    const plan = await planComponents("prod", () => new KafkaCluster("kafka", args({ kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/shared" })));
    expect(named(plan, CLUSTER, "kafka-cluster").inputs.encryptionInfo).toMatchObject({ encryptionAtRestKmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/shared" });
    expect(plan.resources.some((r) => r.type === "aws:kms/key:Key")).toBe(false);
  });

  it("spreads the brokers over the first three private subnets", () => {
    expect(cluster.inputs.numberOfBrokerNodes).toBe(3);
    expect(cluster.inputs.brokerNodeGroupInfo).toMatchObject({ clientSubnets: ["subnet-a", "subnet-b", "subnet-c"], instanceType: "kafka.m7g.xlarge", storageInfo: { ebsStorageInfo: { volumeSize: 500 } } });
  });

  it("runs a managed configuration: no topic auto-creation, min.insync.replicas 2, replication factor 3, retention from config", () => {
    const configuration = named(prod, "aws:msk/configuration:Configuration", "kafka-config");
    const properties = String(configuration.inputs.serverProperties);
    expect(properties).toContain("auto.create.topics.enable=false\n");
    expect(properties).toContain("min.insync.replicas=2\n");
    expect(properties).toContain("default.replication.factor=3\n");
    expect(properties).toContain("log.retention.hours=168\n");
    expect(cluster.dependencies).toContain(configuration.urn);
  });

  it("ships broker logs to a CloudWatch log group with a retention and exposes Prometheus exporters", () => {
    const logs = named(prod, "aws:cloudwatch/logGroup:LogGroup", "kafka-broker-logs");
    expect(logs.inputs).toMatchObject({ name: "/aws/msk/icna-prod-kafka/brokers", retentionInDays: 90 });
    expect(cluster.dependencies).toContain(logs.urn);
    expect(cluster.inputs.openMonitoring).toEqual({ prometheus: { jmxExporter: { enabledInBroker: true }, nodeExporter: { enabledInBroker: true } } });
    expect(cluster.inputs.enhancedMonitoring).toBe("PER_TOPIC_PER_BROKER");
  });

  it("admits only the clusters' security groups, on the IAM port and the exporter ports, with no egress", () => {
    const group = childOfType(prod, named(prod, "icna:components:KafkaCluster", "kafka"), "aws:ec2/securityGroup:SecurityGroup");
    expect(group.inputs.egress).toEqual([]);
    expect(group.inputs.ingress).toBeUndefined();
    const rules = ingressRulesOf(prod, group).map((r) => [r.inputs.referencedSecurityGroupId, r.inputs.fromPort, r.inputs.toPort, r.inputs.ipProtocol, r.inputs.cidrIpv4 ?? null]);
    expect(rules.sort()).toEqual(
      [
        ["sg-0a2e0000000000002", 11001, 11002, "tcp", null],
        ["sg-0a2e0000000000002", 9098, 9098, "tcp", null],
        ["sg-0b1e0000000000001", 11001, 11002, "tcp", null],
        ["sg-0b1e0000000000001", 9098, 9098, "tcp", null],
      ].sort(),
    );
    expect(cluster.dependencies).toContain(group.urn);
  });

  it("is protected in production and not in dev", async () => {
    expect(cluster.protect).toBe(true);
    const dev = await planComponents("dev", () => new KafkaCluster("kafka", args({ namePrefix: "icna-dev", isProduction: false })));
    expect(named(dev, CLUSTER, "kafka-cluster").protect).toBe(false);
    expect(named(dev, "aws:kms/key:Key", "kafka-key")).toMatchObject({ protect: false, inputs: { deletionWindowInDays: 7 } });
  });

  it("refuses a broker count MSK cannot spread, before registering anything", () => {
    expect(() => new KafkaCluster("bad", args({ brokerCount: 4 }))).toThrow("KafkaCluster bad: 4 brokers cannot be spread evenly over 3 availability zones: use a multiple of 3 (6)");
  });
});
