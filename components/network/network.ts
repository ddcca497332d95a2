import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsAccount, accountRootArn, partitionOf } from "../shared/aws-account";
import { SubnetSpec, SubnetTier } from "./subnet-layout";

/** Arguments of the platform network. Counts (AZs, subnets, NAT gateways) are plain values: they decide how many resources exist. */
export interface NetworkArgs {
  /** VPC IPv4 block, e.g. 10.0.0.0/16. */
  readonly cidr: string;
  /** Availability zones the network spans (≥ 2). */
  readonly availabilityZones: readonly string[];
  /** One subnet per tier and AZ, normally from `layoutSubnets`. */
  readonly subnets: readonly SubnetSpec[];
  /** `perAz`: a NAT gateway in each AZ (an AZ outage does not cut egress); `single`: one, for dev. */
  readonly natGateways: "single" | "perAz";
  /** AWS service short names that get interface endpoints (e.g. ecr.api, ecr.dkr, sts, logs). */
  readonly interfaceEndpoints: readonly string[];
  /** Retention of the VPC flow log group. */
  readonly flowLogRetentionDays: number;
  /** Cluster names sharing the network: their subnets get the `kubernetes.io/cluster/<name>` tag. */
  readonly clusterNames: readonly string[];
  /** Value of the `karpenter.sh/discovery` tag on private subnets (Karpenter's EC2NodeClass selects on it). */
  readonly karpenterDiscovery: string;
  /** Account and region: endpoint service names and the flow-log key policy. */
  readonly account: AwsAccount;
  /** Tags on every resource. */
  readonly tags: Record<string, string>;
}

/** Route-table role of each tier: public subnets reach the internet directly, private through NAT, isolated not at all. */
const TIER_TAGS: Record<SubnetTier, Record<string, string>> = {
  public: { "kubernetes.io/role/elb": "1", "icna.io/tier": "public" },
  private: { "kubernetes.io/role/internal-elb": "1", "icna.io/tier": "private" },
  isolated: { "icna.io/tier": "isolated" },
};

/**
 * The platform VPC: public, private and isolated (data) subnets over N AZs, NAT per AZ or single, an S3
 * gateway endpoint, interface endpoints for private clusters, flow logs, and a locked-down default
 * security group.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly vpcCidr: string;
  readonly availabilityZones: string[];
  readonly publicSubnetIds: pulumi.Output<string>[];
  readonly privateSubnetIds: pulumi.Output<string>[];
  readonly isolatedSubnetIds: pulumi.Output<string>[];
  readonly endpointSecurityGroupId: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:Network", name, {}, opts);
    const child = { parent: this };
    const tagged = (resourceName: string, extra: Record<string, string> = {}) => ({ ...args.tags, Name: resourceName, ...extra });
    const clusterTags = Object.fromEntries(args.clusterNames.map((c) => [`kubernetes.io/cluster/${c}`, "shared"]));

    const vpc = new aws.ec2.Vpc(name, { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tagged(name) }, child);
    this.vpcId = vpc.id;
    this.vpcCidr = args.cidr;
    this.availabilityZones = [...args.availabilityZones];

    new aws.ec2.DefaultSecurityGroup(`${name}-default`, { vpcId: vpc.id, ingress: [], egress: [], tags: tagged(`${name}-default-deny`) }, child);

    const subnets = new Map<string, aws.ec2.Subnet>();
    for (const spec of args.subnets) {
      const subnetName = `${name}-${spec.tier}-${spec.availabilityZone}`;
      const extra = { ...TIER_TAGS[spec.tier], ...(spec.tier === "isolated" ? {} : clusterTags), ...(spec.tier === "private" ? { "karpenter.sh/discovery": args.karpenterDiscovery } : {}) };
      subnets.set(
        `${spec.tier}/${spec.availabilityZone}`,
        new aws.ec2.Subnet(subnetName, { vpcId: vpc.id, cidrBlock: spec.cidr, availabilityZone: spec.availabilityZone, mapPublicIpOnLaunch: false, tags: tagged(subnetName, extra) }, child),
      );
    }
    const subnetsOf = (tier: SubnetTier) => args.availabilityZones.map((az) => subnets.get(`${tier}/${az}`)).filter((s): s is aws.ec2.Subnet => s !== undefined);
    this.publicSubnetIds = subnetsOf("public").map((s) => s.id);
    this.privateSubnetIds = subnetsOf("private").map((s) => s.id);
    this.isolatedSubnetIds = subnetsOf("isolated").map((s) => s.id);

    const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: tagged(name) }, child);
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: tagged(`${name}-public`) }, child);
    subnetsOf("public").forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`${name}-public-${args.availabilityZones[i]}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }, child));

    const natZones = args.natGateways === "perAz" ? args.availabilityZones : args.availabilityZones.slice(0, 1);
    const natByZone = new Map<string, aws.ec2.NatGateway>();
    for (const az of natZones) {
      const eip = new aws.ec2.Eip(`${name}-nat-${az}`, { domain: "vpc", tags: tagged(`${name}-nat-${az}`) }, child);
      const publicSubnet = subnets.get(`public/${az}`) as aws.ec2.Subnet;
      natByZone.set(az, new aws.ec2.NatGateway(`${name}-${az}`, { allocationId: eip.id, subnetId: publicSubnet.id, tags: tagged(`${name}-${az}`) }, { parent: this, dependsOn: [igw] }));
    }

    const privateRouteTables = args.availabilityZones.map((az, i) => {
      const nat = natByZone.get(az) ?? (natByZone.get(natZones[0]) as aws.ec2.NatGateway);
      const table = new aws.ec2.RouteTable(`${name}-private-${az}`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }], tags: tagged(`${name}-private-${az}`) }, child);
      new aws.ec2.RouteTableAssociation(`${name}-private-${az}`, { subnetId: subnetsOf("private")[i].id, routeTableId: table.id }, child);
      return table;
    });
    const isolatedRoutes = new aws.ec2.RouteTable(`${name}-isolated`, { vpcId: vpc.id, tags: tagged(`${name}-isolated`) }, child);
    subnetsOf("isolated").forEach((subnet, i) => new aws.ec2.RouteTableAssociation(`${name}-isolated-${args.availabilityZones[i]}`, { subnetId: subnet.id, routeTableId: isolatedRoutes.id }, child));

    new aws.ec2.VpcEndpoint(`${name}-s3`, {
      vpcId: vpc.id,
      serviceName: `com.amazonaws.${args.account.region}.s3`,
      vpcEndpointType: "Gateway",
      routeTableIds: [...privateRouteTables.map((t) => t.id), isolatedRoutes.id],
      tags: tagged(`${name}-s3`),
    }, child);

    const endpointSg = new aws.ec2.SecurityGroup(`${name}-endpoints`, {
      vpcId: vpc.id,
      description: "HTTPS from inside the VPC to AWS interface endpoints",
      ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.cidr], description: "HTTPS from the VPC" }],
      egress: [],
      tags: tagged(`${name}-endpoints`),
    }, child);
    this.endpointSecurityGroupId = endpointSg.id;
    for (const service of args.interfaceEndpoints) {
      new aws.ec2.VpcEndpoint(`${name}-${service.replace(/\./g, "-")}`, {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${args.account.region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: this.privateSubnetIds,
        securityGroupIds: [endpointSg.id],
        tags: tagged(`${name}-${service}`),
      }, child);
    }

    const flowLogKey = new aws.kms.Key(`${name}-flow-logs`, {
      description: `Encrypts the ${name} VPC flow logs`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: flowLogKeyPolicy(args.account),
      tags: tagged(`${name}-flow-logs`),
    }, child);
    const logGroup = new aws.cloudwatch.LogGroup(`${name}-flow-logs`, { retentionInDays: args.flowLogRetentionDays, kmsKeyId: flowLogKey.arn, tags: tagged(`${name}-flow-logs`) }, child);
    const flowLogRole = new aws.iam.Role(`${name}-flow-logs`, {
      assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
      tags: tagged(`${name}-flow-logs`),
    }, child);
    new aws.iam.RolePolicy(`${name}-flow-logs`, {
      role: flowLogRole.id,
      policy: logGroup.arn.apply((arn) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: [arn, `${arn}:*`] }],
      })),
    }, child);
    new aws.ec2.FlowLog(name, { vpcId: vpc.id, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: flowLogRole.arn, maxAggregationInterval: 60, tags: tagged(name) }, child);

    this.registerOutputs({ vpcId: this.vpcId, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds, isolatedSubnetIds: this.isolatedSubnetIds });
  }
}

/** The account root administers the key; CloudWatch Logs in this region may use it for this account's log groups. */
function flowLogKeyPolicy(account: AwsAccount): string {
  const { region, accountId } = account;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: accountRootArn(account) }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudWatchLogsUse",
        Effect: "Allow",
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partitionOf(region)}:logs:${region}:${accountId}:*` } },
      },
    ],
  });
}
