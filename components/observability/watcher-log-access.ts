import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { irsaTrustPolicy } from "../eks-cluster/iam-documents";
import type { AwsAccount } from "../shared/aws-account";
import { logGroupArn } from "../shared/cloudwatch-logs";

/** What the watcher needs to read its cluster's log groups through IRSA. */
export interface WatcherLogAccessArgs {
  /** The cluster's OIDC provider, which the role trusts for the watcher's service account only. */
  readonly cluster: Pick<ClusterHandle, "oidcProviderArn" | "oidcProviderUrl">;
  readonly account: AwsAccount;
  /** Log groups the watcher may read (FilterLogEvents, GetLogEvents), and nothing else. */
  readonly groups: readonly string[];
  readonly tags?: Record<string, string>;
}

/** Reading events of exactly these groups: FilterLogEvents acts on the group, GetLogEvents on its streams. */
export function watcherLogReadPolicy(account: AwsAccount, groups: readonly string[]): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadClusterLogEvents",
        Effect: "Allow",
        Action: ["logs:FilterLogEvents", "logs:GetLogEvents"],
        Resource: groups.flatMap((g) => [logGroupArn(account, g), `${logGroupArn(account, g)}:log-stream:*`]),
      },
    ],
  };
}

/**
 * The watcher's identity for log triage: an IAM role only its Kubernetes service account may assume
 * (IRSA), allowed to read events of the given groups and nothing else, and that service account.
 * Returns the service account's name for the Deployment.
 */
export function createWatcherLogAccess(name: string, appName: string, namespace: string, args: WatcherLogAccessArgs, awsOpts: pulumi.CustomResourceOptions, k8sOpts: pulumi.CustomResourceOptions): pulumi.Output<string> {
  if (args.groups.length === 0) throw new Error(`${name}: logs.groups is empty; give the log groups to triage (the LogPipeline's logGroupName) or leave logs out`);
  const role = new aws.iam.Role(`${name}-logs`, {
    description: `icna watch (${namespace}/${appName}): reads ${args.groups.join(", ")} for log triage`,
    assumeRolePolicy: irsaTrustPolicy(args.cluster.oidcProviderArn, args.cluster.oidcProviderUrl, namespace, appName),
    maxSessionDuration: 3600,
    tags: args.tags,
  }, awsOpts);
  new aws.iam.RolePolicy(`${name}-logs`, { role: role.id, policy: JSON.stringify(watcherLogReadPolicy(args.account, args.groups)) }, awsOpts);
  const serviceAccount = new k8s.core.v1.ServiceAccount(`${name}-serviceaccount`, {
    metadata: { name: appName, namespace, annotations: { "eks.amazonaws.com/role-arn": role.arn } },
  }, k8sOpts);
  return serviceAccount.metadata.name;
}
