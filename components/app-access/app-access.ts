import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { connectionSettings } from "./connection-settings";
import { dataAccessPolicy, serviceAccountTrustPolicy } from "./iam-policies";

/** ConfigMap every workload namespace gets, with the data tier's connection settings. */
export const CONNECTION_CONFIG_MAP = "icna-data-tier";

/** A workload namespace and the identities it uses in the data tier. */
export interface AppNamespace {
  /** Kubernetes namespace. */
  readonly namespace: string;
  /** Service account the workload's pods run as; it is annotated with the role. */
  readonly serviceAccount: string;
  /** PostgreSQL user the workload connects as with IAM authentication (it must be granted `rds_iam`). */
  readonly databaseUser: string;
  /** Prefix of the Kafka topics, consumer groups and transactional ids the workload owns, e.g. `orders.`. */
  readonly kafkaPrefix: string;
}

/** An EKS cluster whose pods may use the data tier: its OIDC provider (the role trusts it) and its Kubernetes provider. */
export interface WorkloadCluster extends Pick<ClusterHandle, "oidcProviderArn" | "oidcProviderUrl" | "provider"> {
  /** Stable short name (`blue`, `green`), used in resource names. */
  readonly name: string;
}

export interface AppAccessArgs {
  /** Physical name prefix, e.g. `icna-prod`; the role is `<prefix>-<namespace>-data`. */
  readonly namePrefix: string;
  readonly region: string;
  readonly app: AppNamespace;
  /** Clusters running the workload; the role trusts the service account on each of them. */
  readonly clusters: readonly WorkloadCluster[];
  readonly kafka: { readonly clusterArn: pulumi.Input<string>; readonly bootstrapBrokers: pulumi.Input<string> };
  readonly postgres: {
    readonly instanceArn: pulumi.Input<string>;
    readonly resourceId: pulumi.Input<string>;
    readonly address: pulumi.Input<string>;
    readonly port: number;
    readonly databaseName: string;
  };
  readonly redis: {
    readonly primaryEndpoint: pulumi.Input<string>;
    readonly readerEndpoint: pulumi.Input<string>;
    readonly port: number;
    readonly authSecretArn: pulumi.Input<string>;
    readonly kmsKeyArn: pulumi.Input<string>;
  };
  readonly tags: Record<string, string>;
  /** Create the namespace on each cluster (turn off when another component owns it); it is retained when the app is removed. @default true */
  readonly createNamespace?: boolean;
}

/**
 * A workload namespace's way into the data tier: one IAM role (IRSA) that its service account may assume on
 * every cluster, allowed to reach exactly this data tier as this workload, and on each cluster the annotated
 * service account and a ConfigMap with the connection settings (secret ARNs, never secret values).
 */
export class AppAccess extends pulumi.ComponentResource {
  readonly roleArn: pulumi.Output<string>;
  readonly roleName: string;

  constructor(name: string, args: AppAccessArgs, opts?: pulumi.ComponentResourceOptions) {
    const { app } = args;
    const roleName = `${args.namePrefix}-${app.namespace}-data`;
    const problems: string[] = [];
    if (args.clusters.length === 0) problems.push("no cluster to trust: pass at least one workload cluster");
    if (roleName.length > 64) problems.push(`role name ${roleName} is longer than IAM's 64 characters: use a shorter namespace`);
    if (problems.length > 0) throw new Error(`AppAccess ${name}: ${problems.join("; ")}`);
    super("icna:components:AppAccess", name, {}, opts);
    this.roleName = roleName;

    const child = { parent: this };
    const trust = pulumi
      .all(args.clusters.map((c) => pulumi.all([c.oidcProviderArn, c.oidcProviderUrl])))
      .apply((issuers) => JSON.stringify(serviceAccountTrustPolicy(issuers.map(([providerArn, issuerUrl]) => ({ providerArn, issuerUrl })), app.namespace, app.serviceAccount)));
    const role = new aws.iam.Role(
      `${name}-role`,
      { name: this.roleName, description: `Data-tier access of the ${app.namespace} namespace (IRSA)`, assumeRolePolicy: trust, maxSessionDuration: 3600, tags: args.tags },
      child,
    );
    const access = pulumi
      .all([args.kafka.clusterArn, args.postgres.instanceArn, args.postgres.resourceId, args.redis.authSecretArn, args.redis.kmsKeyArn])
      .apply(([kafkaClusterArn, dbInstanceArn, dbResourceId, authSecretArn, kmsKeyArn]) =>
        JSON.stringify(
          dataAccessPolicy({
            region: args.region,
            kafkaClusterArn,
            kafkaPrefix: app.kafkaPrefix,
            dbInstanceArn,
            dbResourceId,
            databaseUser: app.databaseUser,
            secretArns: [authSecretArn],
            secretKeyArns: [kmsKeyArn],
          }),
        ),
      );
    new aws.iam.RolePolicy(`${name}-access`, { name: "data-tier", role: role.id, policy: access }, child);

    const settings = pulumi
      .all([args.postgres.address, args.kafka.bootstrapBrokers, args.redis.primaryEndpoint, args.redis.readerEndpoint, args.redis.authSecretArn])
      .apply(([postgresHost, bootstrapBrokers, redisHost, redisReaderHost, authSecretArn]) =>
        connectionSettings({
          region: args.region,
          postgres: { host: postgresHost, port: args.postgres.port, database: args.postgres.databaseName, user: app.databaseUser },
          kafka: { bootstrapBrokers, prefix: app.kafkaPrefix },
          redis: { host: redisHost, readerHost: redisReaderHost, port: args.redis.port, authSecretArn },
        }),
      );
    const labels = { "app.kubernetes.io/managed-by": "icna", "app.kubernetes.io/part-of": "data-tier" };
    for (const cluster of args.clusters) {
      const inCluster = { parent: this, provider: cluster.provider };
      // Retained: dropping an app from config must not delete the namespace and every workload in it.
      const namespace =
        (args.createNamespace ?? true)
          ? new k8s.core.v1.Namespace(`${name}-${cluster.name}-namespace`, { metadata: { name: app.namespace, labels } }, { ...inCluster, retainOnDelete: true }).metadata.name
          : pulumi.output(app.namespace);
      new k8s.core.v1.ServiceAccount(
        `${name}-${cluster.name}-service-account`,
        { metadata: { name: app.serviceAccount, namespace, labels, annotations: { "eks.amazonaws.com/role-arn": role.arn } } },
        inCluster,
      );
      new k8s.core.v1.ConfigMap(`${name}-${cluster.name}-connection`, { metadata: { name: CONNECTION_CONFIG_MAP, namespace, labels }, data: settings }, inCluster);
    }

    this.roleArn = role.arn;
    this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName });
  }
}
