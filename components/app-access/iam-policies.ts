/** An IAM policy document (the subset ICNA writes). */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: PolicyStatement[];
}

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: "Allow";
  readonly Action: string | string[];
  readonly Resource?: string | string[];
  readonly Principal?: { readonly Federated: string } | { readonly Service: string };
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** An EKS cluster's IAM OIDC provider, through which its service accounts assume roles (IRSA). */
export interface OidcIssuer {
  readonly providerArn: string;
  /** The issuer URL, with or without `https://`. */
  readonly issuerUrl: string;
}

/**
 * Trust policy letting exactly one Kubernetes service account, on any of the given clusters, assume the role:
 * both colours of a blue/green pair share one role per namespace.
 */
export function serviceAccountTrustPolicy(issuers: readonly OidcIssuer[], namespace: string, serviceAccount: string): PolicyDocument {
  if (issuers.length === 0) throw new Error("a service-account role needs at least one cluster OIDC provider to trust");
  return {
    Version: "2012-10-17",
    Statement: issuers.map((issuer) => {
      const host = issuer.issuerUrl.replace(/^https:\/\//, "");
      return {
        Effect: "Allow",
        Principal: { Federated: issuer.providerArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${host}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`, [`${host}:aud`]: "sts.amazonaws.com" } },
      };
    }),
  };
}

interface ParsedArn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function parseArn(arn: string, service: string, what: string): ParsedArn {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[2] !== service) throw new Error(`"${arn}" is not ${what} ARN`);
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(":") };
}

/** ARNs of the Kafka resources whose names start with `prefix`, derived from the MSK cluster ARN. */
export function kafkaResourceArns(clusterArn: string, prefix: string): { topics: string; groups: string; transactionalIds: string } {
  const arn = parseArn(clusterArn, "kafka", "an MSK cluster");
  const match = /^cluster\/([^/]+)\/([^/]+)$/.exec(arn.resource);
  if (!match) throw new Error(`"${clusterArn}" is not an MSK cluster ARN (…:cluster/<name>/<uuid>)`);
  const base = (kind: string) => `arn:${arn.partition}:kafka:${arn.region}:${arn.account}:${kind}/${match[1]}/${match[2]}/${prefix}*`;
  return { topics: base("topic"), groups: base("group"), transactionalIds: base("transactional-id") };
}

/** The `rds-db:connect` resource of one database user, for IAM database authentication. */
export function databaseUserArn(instanceArn: string, resourceId: string, user: string): string {
  const arn = parseArn(instanceArn, "rds", "an RDS DB instance");
  if (!arn.resource.startsWith("db:")) throw new Error(`"${instanceArn}" is not an RDS DB instance ARN (…:db:<identifier>)`);
  return `arn:${arn.partition}:rds-db:${arn.region}:${arn.account}:dbuser:${resourceId}/${user}`;
}

/** What one workload namespace may do in the data tier. */
export interface DataAccessGrant {
  readonly region: string;
  readonly kafkaClusterArn: string;
  /** Topics, consumer groups and transactional ids the workload owns start with this prefix. */
  readonly kafkaPrefix: string;
  readonly dbInstanceArn: string;
  readonly dbResourceId: string;
  readonly databaseUser: string;
  /** Secrets the workload may read (ARNs). */
  readonly secretArns: readonly string[];
  /** Keys those secrets are encrypted with; usable only through Secrets Manager. */
  readonly secretKeyArns: readonly string[];
}

/**
 * Least-privilege access for one namespace: MSK IAM on its own topics, groups and transactional ids (it
 * may create topics under its prefix, since auto-creation is off), IAM authentication as its own database
 * user, and read access to exactly the listed secrets.
 */
export function dataAccessPolicy(grant: DataAccessGrant): PolicyDocument {
  const kafka = kafkaResourceArns(grant.kafkaClusterArn, grant.kafkaPrefix);
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "KafkaConnect", Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:DescribeCluster", "kafka-cluster:WriteDataIdempotently"], Resource: grant.kafkaClusterArn },
      {
        Sid: "KafkaOwnTopics",
        Effect: "Allow",
        Action: ["kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:CreateTopic", "kafka-cluster:ReadData", "kafka-cluster:WriteData"],
        Resource: kafka.topics,
      },
      { Sid: "KafkaOwnGroups", Effect: "Allow", Action: ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"], Resource: kafka.groups },
      { Sid: "KafkaOwnTransactions", Effect: "Allow", Action: ["kafka-cluster:DescribeTransactionalId", "kafka-cluster:AlterTransactionalId"], Resource: kafka.transactionalIds },
      { Sid: "DatabaseIamAuth", Effect: "Allow", Action: "rds-db:connect", Resource: databaseUserArn(grant.dbInstanceArn, grant.dbResourceId, grant.databaseUser) },
      { Sid: "ReadSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], Resource: [...grant.secretArns] },
      {
        Sid: "DecryptSecrets",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: [...grant.secretKeyArns],
        Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${grant.region}.amazonaws.com` } },
      },
    ],
  };
}
