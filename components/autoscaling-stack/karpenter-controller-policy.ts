/** An IAM policy document as ICNA writes it (Allow statements only). */
export interface IamPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: IamStatement[];
}

export interface IamStatement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** What the Karpenter controller of one cluster may touch. */
export interface KarpenterPolicyScope {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly clusterName: string;
  readonly interruptionQueueArn: string;
  /** The instance profile of that role that the EC2NodeClass names. */
  readonly instanceProfileArn: string;
}

const LAUNCH = ["ec2:RunInstances", "ec2:CreateFleet"];

/**
 * The Karpenter v1 controller's inline policy, least privilege: EC2 writes only on resources tagged as
 * this cluster's and one of its NodePools' (at creation through aws:RequestTag, afterwards through
 * aws:ResourceTag), reads confined to the cluster's region, the one interruption queue, the one cluster.
 * Instance profiles are created by the stack, not by Karpenter, so the controller gets no
 * iam:CreateInstanceProfile / AddRoleToInstanceProfile at all. Every ARN here derives from names known
 * at preview time, so the offline review judges this document; passing the node role, whose ARN only
 * `up` knows, is the separate `nodeRolePassPolicy`.
 */
export function karpenterControllerPolicy(scope: KarpenterPolicyScope): IamPolicyDocument {
  const { partition, region, accountId, clusterName } = scope;
  const ec2 = (resource: string, account = accountId) => `arn:${partition}:ec2:${region}:${account}:${resource}`;
  const ownedResources = ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*", "spot-instances-request/*"].map((r) => ec2(r));
  const clusterTag = `kubernetes.io/cluster/${clusterName}`;
  const ownedByRequest = { [`aws:RequestTag/${clusterTag}`]: "owned", "aws:RequestTag/eks:eks-cluster-name": clusterName };
  const anyNodePoolRequest = { "aws:RequestTag/karpenter.sh/nodepool": "*" };
  const ownedResource = { [`aws:ResourceTag/${clusterTag}`]: "owned" };
  const anyNodePoolResource = { "aws:ResourceTag/karpenter.sh/nodepool": "*" };
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "LaunchFromImagesSubnetsAndSecurityGroups",
        Effect: "Allow",
        Action: LAUNCH,
        Resource: [ec2("image/*", ""), ec2("snapshot/*", ""), ec2("security-group/*"), ec2("subnet/*"), ec2("capacity-reservation/*")],
      },
      {
        Sid: "LaunchFromOwnLaunchTemplates",
        Effect: "Allow",
        Action: LAUNCH,
        Resource: ec2("launch-template/*"),
        Condition: { StringEquals: ownedResource, StringLike: anyNodePoolResource },
      },
      {
        Sid: "CreateOnlyClusterTaggedResources",
        Effect: "Allow",
        Action: [...LAUNCH, "ec2:CreateLaunchTemplate"],
        Resource: ownedResources,
        Condition: { StringEquals: ownedByRequest, StringLike: anyNodePoolRequest },
      },
      {
        Sid: "TagResourcesItCreates",
        Effect: "Allow",
        Action: ["ec2:CreateTags"],
        Resource: ownedResources,
        Condition: { StringEquals: { ...ownedByRequest, "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] }, StringLike: anyNodePoolRequest },
      },
      {
        Sid: "LabelOwnInstances",
        Effect: "Allow",
        Action: ["ec2:CreateTags"],
        Resource: ec2("instance/*"),
        Condition: {
          StringEquals: ownedResource,
          StringLike: anyNodePoolResource,
          StringEqualsIfExists: { "aws:RequestTag/eks:eks-cluster-name": clusterName },
          "ForAllValues:StringEquals": { "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
        },
      },
      {
        Sid: "DeleteOnlyOwnInstancesAndTemplates",
        Effect: "Allow",
        Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
        Resource: [ec2("instance/*"), ec2("launch-template/*")],
        Condition: { StringEquals: ownedResource, StringLike: anyNodePoolResource },
      },
      {
        Sid: "DescribeInClusterRegion",
        Effect: "Allow",
        Action: [
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeCapacityReservations",
          "ec2:DescribeImages",
          "ec2:DescribeInstances",
          "ec2:DescribeInstanceTypeOfferings",
          "ec2:DescribeInstanceTypes",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSpotPriceHistory",
          "ec2:DescribeSubnets",
        ],
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": region } },
      },
      { Sid: "ResolveAmiAliases", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: `arn:${partition}:ssm:${region}::parameter/aws/service/*` },
      // The Price List API has no resource-level permissions.
      { Sid: "ReadPrices", Effect: "Allow", Action: ["pricing:GetProducts"], Resource: "*" },
      { Sid: "ConsumeInterruptionQueue", Effect: "Allow", Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"], Resource: scope.interruptionQueueArn },
      { Sid: "ReadNodeInstanceProfile", Effect: "Allow", Action: ["iam:GetInstanceProfile"], Resource: scope.instanceProfileArn },
      { Sid: "DiscoverClusterEndpoint", Effect: "Allow", Action: ["eks:DescribeCluster"], Resource: `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}` },
    ],
  };
}

/** Lets the controller hand the one node role to the instances it launches, and to nothing but EC2. */
export function nodeRolePassPolicy(nodeRoleArn: string): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "PassNodeRoleToEc2Only", Effect: "Allow", Action: ["iam:PassRole"], Resource: nodeRoleArn, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }],
  };
}
