import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { irsaTrustPolicy } from "../eks-cluster/iam-documents";
import { partitionOf, type AwsAccount } from "../shared/aws-account";
import { INTERRUPTION_EVENT_PATTERNS, INTERRUPTION_MESSAGE_RETENTION_SECONDS } from "./interruption-events";
import { karpenterControllerPolicy, nodeRolePassPolicy } from "./karpenter-controller-policy";
import { ec2NodeClassSpec, NODE_POOL_NAME, nodePoolSpec } from "./karpenter-node-pool";
import type { KarpenterSettings } from "./karpenter-settings";
import { pinnedRelease } from "./pinned-release";

/** Karpenter's namespace and service account: the one subject its IAM role trusts. */
export const KARPENTER_NAMESPACE = "kube-system";
export const KARPENTER_SERVICE_ACCOUNT = "karpenter";

export interface KarpenterDeploymentArgs {
  readonly settings: KarpenterSettings;
  /** The cluster's OIDC provider, node role and security group. */
  readonly cluster: Pick<ClusterHandle, "oidcProviderArn" | "oidcProviderUrl" | "nodeRoleName" | "nodeRoleArn" | "clusterSecurityGroupId">;
  readonly clusterName: pulumi.Input<string>;
  readonly discovery: string;
  /** Create the EC2_LINUX access entry for the node role (only when no managed node group uses it). */
  readonly nodeAccessEntry: boolean;
  readonly account: AwsAccount;
  readonly tags: Record<string, string>;
  readonly isProduction: boolean;
}

export interface KarpenterResources {
  readonly roleArn: pulumi.Output<string>;
  readonly interruptionQueueName: pulumi.Output<string>;
  readonly release: k8s.helm.v3.Release;
}

/**
 * Karpenter for one cluster: the controller's IRSA role and inline policy, the SQS interruption queue
 * (SSE, TLS only, fed by EventBridge for spot interruptions, rebalance recommendations, instance state
 * changes and scheduled maintenance), an instance profile for the node role, the Helm release in
 * kube-system, and the default EC2NodeClass and NodePool.
 */
export function createKarpenter(name: string, args: KarpenterDeploymentArgs, awsOpts: pulumi.CustomResourceOptions, k8sOpts: pulumi.CustomResourceOptions): KarpenterResources {
  const partition = partitionOf(args.account.region);
  const tags = { ...args.tags, "icna.io/component": "karpenter" };

  const arn = (service: string, resource: string, region = args.account.region) => `arn:${partition}:${service}:${region}:${args.account.accountId}:${resource}`;
  // Names derive from the cluster name, so every ARN in the policies below is known at preview time.
  const names = pulumi.output(args.clusterName).apply(karpenterResourceNames);
  const queueArn = names.apply((n) => arn("sqs", n.interruptionQueue));

  const queue = new aws.sqs.Queue(`${name}-karpenter-interruptions`, {
    name: names.interruptionQueue,
    messageRetentionSeconds: INTERRUPTION_MESSAGE_RETENTION_SECONDS,
    sqsManagedSseEnabled: true,
    tags,
  }, awsOpts);
  const ruleArns = Object.entries(INTERRUPTION_EVENT_PATTERNS).map(([event, pattern]) => {
    const ruleName = names.apply((n) => n.rule(event));
    const rule = new aws.cloudwatch.EventRule(`${name}-karpenter-${event}`, {
      name: ruleName,
      description: pulumi.interpolate`Karpenter interruption handling for ${args.clusterName}: ${event}`,
      eventPattern: JSON.stringify(pattern),
      tags,
    }, awsOpts);
    new aws.cloudwatch.EventTarget(`${name}-karpenter-${event}`, { rule: rule.name, arn: queueArn }, { ...awsOpts, dependsOn: [queue] });
    return ruleName.apply((r) => arn("events", `rule/${r}`));
  });
  new aws.sqs.QueuePolicy(`${name}-karpenter-interruptions`, {
    queueUrl: queue.url,
    policy: pulumi.all([queueArn, ...ruleArns]).apply(([queueArn, ...ruleArns]) => JSON.stringify(interruptionQueuePolicy(queueArn, ruleArns))),
  }, awsOpts);

  const instanceProfile = new aws.iam.InstanceProfile(`${name}-karpenter-nodes`, { name: names.instanceProfile, role: args.cluster.nodeRoleName, tags }, awsOpts);
  const instanceProfileArn = names.apply((n) => arn("iam", `instance-profile/${n.instanceProfile}`, ""));
  if (args.nodeAccessEntry) {
    // Through the OIDC provider ARN the entry waits for the cluster even when the name is given as plain text.
    const existingCluster = pulumi.all([args.clusterName, args.cluster.oidcProviderArn]).apply(([clusterName]) => clusterName);
    new aws.eks.AccessEntry(`${name}-karpenter-nodes`, { clusterName: existingCluster, principalArn: args.cluster.nodeRoleArn, type: "EC2_LINUX", tags }, awsOpts);
  }

  const role = new aws.iam.Role(`${name}-karpenter`, {
    description: pulumi.interpolate`Karpenter controller of ${args.clusterName} (IRSA: ${KARPENTER_NAMESPACE}/${KARPENTER_SERVICE_ACCOUNT} only)`,
    assumeRolePolicy: irsaTrustPolicy(args.cluster.oidcProviderArn, args.cluster.oidcProviderUrl, KARPENTER_NAMESPACE, KARPENTER_SERVICE_ACCOUNT),
    maxSessionDuration: 3600,
    tags,
  }, awsOpts);
  new aws.iam.RolePolicy(`${name}-karpenter`, {
    role: role.id,
    policy: pulumi
      .all([args.clusterName, queueArn, instanceProfileArn])
      .apply(([clusterName, interruptionQueueArn, instanceProfileArn]) =>
        JSON.stringify(karpenterControllerPolicy({ partition, region: args.account.region, accountId: args.account.accountId, clusterName, interruptionQueueArn, instanceProfileArn })),
      ),
  }, { ...awsOpts, dependsOn: [queue, instanceProfile] });
  new aws.iam.RolePolicy(`${name}-karpenter-pass-node-role`, {
    role: role.id,
    policy: pulumi.output(args.cluster.nodeRoleArn).apply((nodeRoleArn) => JSON.stringify(nodeRolePassPolicy(nodeRoleArn))),
  }, awsOpts);

  const release = pinnedRelease(`${name}-karpenter`, "karpenter", KARPENTER_NAMESPACE, {
    settings: { clusterName: args.clusterName, interruptionQueue: queue.name },
    serviceAccount: { create: true, name: KARPENTER_SERVICE_ACCOUNT, annotations: { "eks.amazonaws.com/role-arn": role.arn } },
    replicas: args.isProduction ? 2 : 1,
    controller: { resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } } },
    podDisruptionBudget: { name: "karpenter", maxUnavailable: 1 },
  }, k8sOpts);

  const nodeClass = new k8s.apiextensions.CustomResource(`${name}-ec2nodeclass`, {
    apiVersion: "karpenter.k8s.aws/v1",
    kind: "EC2NodeClass",
    metadata: { name: NODE_POOL_NAME },
    spec: ec2NodeClassSpec(args.settings, { discovery: args.discovery, clusterSecurityGroupId: args.cluster.clusterSecurityGroupId, instanceProfileName: instanceProfile.name, tags }),
  }, { ...k8sOpts, dependsOn: [release] });
  new k8s.apiextensions.CustomResource(`${name}-nodepool`, {
    apiVersion: "karpenter.sh/v1",
    kind: "NodePool",
    metadata: { name: NODE_POOL_NAME },
    spec: nodePoolSpec(args.settings),
  }, { ...k8sOpts, dependsOn: [release, nodeClass] });

  return { roleArn: role.arn, interruptionQueueName: queue.name, release };
}

/** Physical names of a cluster's Karpenter resources; EventBridge's 64-character rule names are the tightest limit. */
export function karpenterResourceNames(clusterName: string): { interruptionQueue: string; instanceProfile: string; rule: (event: string) => string } {
  const names = { interruptionQueue: `${clusterName}-karpenter`, instanceProfile: `${clusterName}-karpenter-nodes`, rule: (event: string) => `${clusterName}-karpenter-${event}` };
  const longestRule = Math.max(...Object.keys(INTERRUPTION_EVENT_PATTERNS).map((e) => names.rule(e).length));
  if (longestRule > 64) throw new Error(`cluster name "${clusterName}" is too long for Karpenter's interruption rule names (${longestRule} > 64 characters): shorten the name prefix`);
  return names;
}

/** Only this cluster's EventBridge rules may send to its queue, and only over TLS. */
export function interruptionQueuePolicy(queueArn: string, ruleArns: string[]): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "EventBridgeRulesOfThisCluster", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: queueArn, Condition: { ArnEquals: { "aws:SourceArn": ruleArns } } },
      { Sid: "DenyUnencryptedTransport", Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: queueArn, Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ],
  };
}
