import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { Environment } from "../../stacks/config/schema";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { irsaTrustPolicy } from "../eks-cluster/iam-documents";
import type { AwsAccount } from "../shared/aws-account";
import { logGroupArn } from "../shared/cloudwatch-logs";
import { createEncryptedLogGroup } from "../shared/encrypted-log-group";

export const FLUENT_BIT_NAMESPACE = "amazon-cloudwatch";
export const FLUENT_BIT_SERVICE_ACCOUNT = "aws-for-fluent-bit";

/** The AWS for Fluent Bit chart, pinned (aws/eks-charts `stable/aws-for-fluent-bit/Chart.yaml`: 0.2.1, app 3.4.16). */
export const FLUENT_BIT_CHART = {
  chart: "aws-for-fluent-bit",
  repository: "https://aws.github.io/eks-charts",
  version: "0.2.1",
} as const;

/** Arguments of one cluster's log pipeline. */
export interface LogPipelineArgs {
  /** The cluster (an `EksCluster`): Fluent Bit runs through its provider, its IRSA role trusts its OIDC provider. */
  readonly cluster: Pick<ClusterHandle, "oidcProviderArn" | "oidcProviderUrl" | "provider">;
  /** Plain EKS cluster name (`clusterNameOf`), which names the log group. */
  readonly clusterName: string;
  readonly account: AwsAccount;
  /** The stack kind, which sets the retention (LOG_RETENTION_DAYS). */
  readonly environment: Environment;
  readonly tags: Record<string, string>;
}

/** The log group container logs go to, under the Container Insights convention. */
export function containerLogGroupName(clusterName: string): string {
  return `/aws/containerinsights/${clusterName}/application`;
}

/** Fluent Bit may write streams into its one group and nothing else: no group creation, no other group, no reads. */
export function fluentBitPolicy(logGroupArn: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "WriteContainerLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        Resource: [logGroupArn, `${logGroupArn}:log-stream:*`],
      },
    ],
  };
}

/**
 * Ships one cluster's container logs to CloudWatch Logs: AWS for Fluent Bit (a DaemonSet from the
 * pinned chart) writes every container's stdout/stderr, one stream per pod and container, into a
 * KMS-encrypted log group with retention by stack kind, through an IRSA role that can write only there.
 * The control plane's logs go to the group EksCluster creates before the cluster (controlPlaneLogGroupName).
 */
export class LogPipeline extends pulumi.ComponentResource {
  readonly logGroupName: string;
  readonly keyArn: pulumi.Output<string>;
  readonly roleArn: pulumi.Output<string>;

  constructor(name: string, args: LogPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:LogPipeline", name, {}, opts);
    const awsOpts: pulumi.CustomResourceOptions = { parent: this };
    const k8sOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.cluster.provider };
    this.logGroupName = containerLogGroupName(args.clusterName);

    const { key, group } = createEncryptedLogGroup({ key: `${name}-logs`, group: `${name}-application` }, {
      groupName: this.logGroupName,
      keyScope: `/aws/containerinsights/${args.clusterName}/*`,
      keyPolicySid: "CloudWatchLogsUsesForThisClusterOnly",
      keyDescription: `Container logs of ${args.clusterName}`,
      account: args.account,
      environment: args.environment,
      tags: args.tags,
    }, awsOpts);
    const role = new aws.iam.Role(
      `${name}-fluent-bit`,
      {
        assumeRolePolicy: irsaTrustPolicy(
          args.cluster.oidcProviderArn,
          args.cluster.oidcProviderUrl,
          FLUENT_BIT_NAMESPACE,
          FLUENT_BIT_SERVICE_ACCOUNT,
        ),
        description: `AWS for Fluent Bit on ${args.clusterName}: writes container logs to ${this.logGroupName}`,
        tags: args.tags,
      },
      awsOpts,
    );
    // The ARN from the plain name, so the policy is known (and checked) at preview.
    const groupArn = logGroupArn(args.account, this.logGroupName);
    new aws.iam.RolePolicy(
      `${name}-fluent-bit`,
      { role: role.id, policy: JSON.stringify(fluentBitPolicy(groupArn)) },
      awsOpts,
    );

    const namespace = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      { metadata: { name: FLUENT_BIT_NAMESPACE } },
      k8sOpts,
    );
    new k8s.helm.v3.Release(
      `${name}-fluent-bit`,
      {
        name: FLUENT_BIT_CHART.chart,
        chart: FLUENT_BIT_CHART.chart,
        version: FLUENT_BIT_CHART.version,
        repositoryOpts: { repo: FLUENT_BIT_CHART.repository },
        namespace: namespace.metadata.name,
        atomic: true,
        cleanupOnFail: true,
        maxHistory: 10,
        values: {
          serviceAccount: {
            create: true,
            name: FLUENT_BIT_SERVICE_ACCOUNT,
            annotations: { "eks.amazonaws.com/role-arn": role.arn },
          },
          cloudWatchLogs: {
            enabled: true,
            region: args.account.region,
            logGroupName: this.logGroupName,
            logGroupTemplate: this.logGroupName,
            logStreamTemplate: "$kubernetes['namespace_name'].$kubernetes['pod_name'].$kubernetes['container_name']",
            autoCreateGroup: false,
          },
          cloudWatch: { enabled: false },
          firehose: { enabled: false },
          kinesis: { enabled: false },
          elasticsearch: { enabled: false },
          tolerations: [{ operator: "Exists" }],
          priorityClassName: "system-node-critical",
        },
      },
      { ...k8sOpts, dependsOn: [group] },
    );

    this.keyArn = key.arn;
    this.roleArn = role.arn;
    this.registerOutputs({ logGroupName: this.logGroupName, keyArn: this.keyArn, roleArn: this.roleArn });
  }
}
