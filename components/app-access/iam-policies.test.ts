import { databaseUserArn, dataAccessPolicy, kafkaResourceArns, serviceAccountTrustPolicy } from "./iam-policies";

const CLUSTER_ARN = "arn:aws:kafka:us-east-1:111122223333:cluster/icna-prod-kafka/0a1b2c3d-4e5f-6789-abcd-ef0123456789-3";
const DB_ARN = "arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres";

describe("IRSA trust policy", () => {
  it("trusts one service account on every cluster, by issuer host", () => {
    const policy = serviceAccountTrustPolicy(
      [
        { providerArn: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/BLUE", issuerUrl: "https://oidc.eks.us-east-1.amazonaws.com/id/BLUE" },
        { providerArn: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/GREEN", issuerUrl: "oidc.eks.us-east-1.amazonaws.com/id/GREEN" },
      ],
      "orders",
      "orders-api",
    );
    expect(policy.Statement).toHaveLength(2);
    expect(policy.Statement[1]).toEqual({
      Effect: "Allow",
      Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/GREEN" },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "oidc.eks.us-east-1.amazonaws.com/id/GREEN:sub": "system:serviceaccount:orders:orders-api", "oidc.eks.us-east-1.amazonaws.com/id/GREEN:aud": "sts.amazonaws.com" } },
    });
    expect(Object.keys(policy.Statement[0].Condition!.StringEquals)).toEqual(["oidc.eks.us-east-1.amazonaws.com/id/BLUE:sub", "oidc.eks.us-east-1.amazonaws.com/id/BLUE:aud"]);
  });

  it("refuses to build a role nobody can assume", () => {
    expect(() => serviceAccountTrustPolicy([], "orders", "orders")).toThrow("at least one cluster OIDC provider");
  });
});

describe("data-tier resource ARNs", () => {
  it("derives topic, group and transactional-id ARNs from the MSK cluster ARN", () => {
    expect(kafkaResourceArns(CLUSTER_ARN, "orders.")).toEqual({
      topics: "arn:aws:kafka:us-east-1:111122223333:topic/icna-prod-kafka/0a1b2c3d-4e5f-6789-abcd-ef0123456789-3/orders.*",
      groups: "arn:aws:kafka:us-east-1:111122223333:group/icna-prod-kafka/0a1b2c3d-4e5f-6789-abcd-ef0123456789-3/orders.*",
      transactionalIds: "arn:aws:kafka:us-east-1:111122223333:transactional-id/icna-prod-kafka/0a1b2c3d-4e5f-6789-abcd-ef0123456789-3/orders.*",
    });
  });

  it("keeps the partition of GovCloud ARNs", () => {
    expect(databaseUserArn("arn:aws-us-gov:rds:us-gov-west-1:111122223333:db:icna-gov-postgres", "db-ABCDEFGHIJKLMNOP", "orders")).toBe("arn:aws-us-gov:rds-db:us-gov-west-1:111122223333:dbuser:db-ABCDEFGHIJKLMNOP/orders");
  });

  it("names the IAM-auth database user by the instance's resource id", () => {
    expect(databaseUserArn(DB_ARN, "db-ABCDEFGHIJKLMNOPQRSTUVWXY", "orders")).toBe("arn:aws:rds-db:us-east-1:111122223333:dbuser:db-ABCDEFGHIJKLMNOPQRSTUVWXY/orders");
  });

  it("rejects ARNs of the wrong service or resource", () => {
    expect(() => kafkaResourceArns(DB_ARN, "x.")).toThrow("is not an MSK cluster ARN");
    expect(() => kafkaResourceArns("arn:aws:kafka:us-east-1:111122223333:topic/a/b/c", "x.")).toThrow("(…:cluster/<name>/<uuid>)");
    expect(() => databaseUserArn("arn:aws:rds:us-east-1:111122223333:snapshot:s", "db-X", "u")).toThrow("is not an RDS DB instance ARN");
  });
});

describe("data access policy", () => {
  const policy = dataAccessPolicy({
    region: "us-east-1",
    kafkaClusterArn: CLUSTER_ARN,
    kafkaPrefix: "orders.",
    dbInstanceArn: DB_ARN,
    dbResourceId: "db-ABCDEFGHIJKLMNOPQRSTUVWXY",
    databaseUser: "orders",
    secretArns: ["arn:aws:secretsmanager:us-east-1:111122223333:secret:icna-prod-redis/auth-token-AbCdEf"],
    secretKeyArns: ["arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
  });
  const statement = (sid: string) => policy.Statement.find((s) => s.Sid === sid)!;

  it("grants nothing on a wildcard resource", () => {
    const resources = policy.Statement.flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
    expect(resources.every((r) => r !== "*" && r !== undefined)).toBe(true);
    const actions = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions.some((a) => a.endsWith(":*"))).toBe(false);
  });

  it("lets the workload connect to Kafka and use only its own topics, groups and transactions", () => {
    expect(statement("KafkaConnect").Resource).toBe(CLUSTER_ARN);
    expect(statement("KafkaOwnTopics").Resource).toMatch(/:topic\/icna-prod-kafka\/[^/]+\/orders\.\*$/);
    expect(statement("KafkaOwnTopics").Action).not.toContain("kafka-cluster:DeleteTopic");
    expect(statement("KafkaOwnGroups").Resource).toMatch(/:group\/icna-prod-kafka\/[^/]+\/orders\.\*$/);
  });

  it("lets it connect to PostgreSQL as its own user only, and read exactly the listed secrets through Secrets Manager", () => {
    expect(statement("DatabaseIamAuth")).toMatchObject({ Action: "rds-db:connect", Resource: "arn:aws:rds-db:us-east-1:111122223333:dbuser:db-ABCDEFGHIJKLMNOPQRSTUVWXY/orders" });
    expect(statement("ReadSecrets").Resource).toEqual(["arn:aws:secretsmanager:us-east-1:111122223333:secret:icna-prod-redis/auth-token-AbCdEf"]);
    expect(statement("DecryptSecrets").Condition).toEqual({ StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } });
  });
});
