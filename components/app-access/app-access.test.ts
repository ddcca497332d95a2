import * as k8s from "@pulumi/kubernetes";
import { OfflinePlan, UNKNOWN } from "../../review/plan/model";
import { planComponents } from "../../testing/component-plan";
import { jsonInput, named, ofType } from "../../testing/plan-queries";
import { AppAccess, AppAccessArgs, CONNECTION_CONFIG_MAP } from "./app-access";

const REDIS_SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:icna-prod-redis/auth-token-AbCdEf";

function build(overrides: Partial<AppAccessArgs> = {}): void {
  const clusters = overrides.clusters ?? ["blue", "green"].map((colour) => ({
    name: colour,
    oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/${colour.toUpperCase()}`,
    oidcProviderUrl: `https://oidc.eks.us-east-1.amazonaws.com/id/${colour.toUpperCase()}`,
    provider: new k8s.Provider(`${colour}-k8s`, { kubeconfig: "{}" }),
  }));
  new AppAccess("orders", {
    namePrefix: "icna-prod",
    region: "us-east-1",
    app: { namespace: "orders", serviceAccount: "orders-api", databaseUser: "orders", kafkaPrefix: "orders." },
    clusters,
    kafka: { clusterArn: "arn:aws:kafka:us-east-1:111122223333:cluster/icna-prod-kafka/0a1b2c3d-1", bootstrapBrokers: "b-1.kafka:9098,b-2.kafka:9098" },
    postgres: { instanceArn: "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres", resourceId: "db-ABCDEFGHIJ", address: "icna-prod-postgres.abc.us-east-1.rds.amazonaws.com", port: 5432, databaseName: "icna" },
    redis: { primaryEndpoint: "master.icna-prod-redis.cache.amazonaws.com", readerEndpoint: "replica.icna-prod-redis.cache.amazonaws.com", port: 6379, authSecretArn: REDIS_SECRET, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/redis" },
    tags: { owner: "platform-team" },
    ...overrides,
  });
}

let plan: OfflinePlan;
beforeAll(async () => {
  plan = await planComponents("prod", () => build());
});

describe("AppAccess", () => {
  it("creates one role for the namespace that either colour's service account may assume", () => {
    const role = named(plan, "aws:iam/role:Role", "orders-role");
    expect(role.inputs.name).toBe("icna-prod-orders-data");
    const trust = jsonInput(role.inputs.assumeRolePolicy) as { Statement: { Principal: { Federated: string }; Condition: { StringEquals: Record<string, string> } }[] };
    expect(trust.Statement.map((s) => s.Principal.Federated.split("/").pop())).toEqual(["BLUE", "GREEN"]);
    expect(trust.Statement.every((s) => Object.entries(s.Condition.StringEquals).some(([k, v]) => k.endsWith(":sub") && v === "system:serviceaccount:orders:orders-api"))).toBe(true);
  });

  it("attaches the least-privilege data policy built from the services' ARNs", () => {
    const policy = jsonInput(named(plan, "aws:iam/rolePolicy:RolePolicy", "orders-access").inputs.policy) as { Statement: { Sid: string; Resource: unknown }[] };
    expect(policy.Statement.map((s) => s.Sid)).toEqual(["KafkaConnect", "KafkaOwnTopics", "KafkaOwnGroups", "KafkaOwnTransactions", "DatabaseIamAuth", "ReadSecrets", "DecryptSecrets"]);
    expect(policy.Statement.find((s) => s.Sid === "DatabaseIamAuth")!.Resource).toBe("arn:aws:rds-db:us-east-1:111122223333:dbuser:db-ABCDEFGHIJ/orders");
    expect(policy.Statement.find((s) => s.Sid === "ReadSecrets")!.Resource).toEqual([REDIS_SECRET]);
  });

  it("publishes, on each cluster, the annotated service account and a ConfigMap of endpoints and secret ARNs", () => {
    const role = named(plan, "aws:iam/role:Role", "orders-role");
    for (const colour of ["blue", "green"]) {
      const provider = named(plan, "pulumi:providers:kubernetes", `${colour}-k8s`);
      const namespace = named(plan, "kubernetes:core/v1:Namespace", `orders-${colour}-namespace`);
      expect(namespace.inputs.metadata).toMatchObject({ name: "orders" });
      expect(namespace.retainOnDelete).toBe(true);
      const account = named(plan, "kubernetes:core/v1:ServiceAccount", `orders-${colour}-service-account`);
      expect(account.inputs.metadata).toMatchObject({ name: "orders-api", annotations: { "eks.amazonaws.com/role-arn": UNKNOWN } });
      expect(account.dependencies).toContain(role.urn);
      const configMap = named(plan, "kubernetes:core/v1:ConfigMap", `orders-${colour}-connection`);
      for (const r of [namespace, account, configMap]) expect(r.provider?.startsWith(`${provider.urn}::`)).toBe(true);
      expect(configMap.inputs.metadata).toMatchObject({ name: CONNECTION_CONFIG_MAP });
      expect(configMap.inputs.data).toEqual({
        AWS_REGION: "us-east-1",
        PGHOST: "icna-prod-postgres.abc.us-east-1.rds.amazonaws.com",
        PGPORT: "5432",
        PGDATABASE: "icna",
        PGUSER: "orders",
        PGSSLMODE: "verify-full",
        POSTGRES_AUTH: "iam",
        KAFKA_BOOTSTRAP_SERVERS: "b-1.kafka:9098,b-2.kafka:9098",
        KAFKA_SECURITY_PROTOCOL: "SASL_SSL",
        KAFKA_SASL_MECHANISM: "AWS_MSK_IAM",
        KAFKA_NAME_PREFIX: "orders.",
        REDIS_HOST: "master.icna-prod-redis.cache.amazonaws.com",
        REDIS_READER_HOST: "replica.icna-prod-redis.cache.amazonaws.com",
        REDIS_PORT: "6379",
        REDIS_TLS: "true",
        REDIS_AUTH_SECRET_ARN: REDIS_SECRET,
      });
    }
  });

  it("leaves the namespace to its owner when asked", async () => {
    const shared = await planComponents("prod", () => build({ createNamespace: false }));
    expect(ofType(shared, "kubernetes:core/v1:Namespace")).toEqual([]);
    expect(named(shared, "kubernetes:core/v1:ConfigMap", "orders-blue-connection").inputs.metadata).toMatchObject({ namespace: "orders" });
  });

  it("refuses a role without a cluster to trust", () => {
    expect(() => build({ clusters: [] })).toThrow("AppAccess orders: no cluster to trust: pass at least one workload cluster");
  });
});
