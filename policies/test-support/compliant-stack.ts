import { SECRET, UNKNOWN } from "../../review/plan/model";
import { PolicyResource } from "../model";
import { TYPES } from "../knowledge/type-tokens";

/**
 * A complete, compliant prod stack in the shape an offline plan has (inputs with unknown ids, resource
 * references as URNs, flat dependencies): the fixture every rule test starts from before changing one
 * field. It holds both views of EKS: the @pulumi/eks components (offline) and a cluster built from
 * the AWS resources the engine sees.
 */
const U = UNKNOWN;
const ALL_LOGS = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

export function urnOf(type: string, name: string, parentType?: string): string {
  return `urn:pulumi:prod::icna::${parentType ? `${parentType}$` : ""}${type}::${name}`;
}

interface Options {
  readonly deps?: readonly PolicyResource[];
  readonly protect?: boolean;
  readonly parent?: PolicyResource;
  readonly provider?: PolicyResource | null;
}

export function compliantStack(): PolicyResource[] {
  const resources: PolicyResource[] = [];
  const awsProvider: PolicyResource = {
    type: TYPES.awsProvider,
    name: "aws",
    urn: urnOf(TYPES.awsProvider, "aws"),
    props: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { owner: "platform", environment: "prod", "cost-center": "cc-1234" } }) },
    protect: false,
    dependencies: [],
  };
  resources.push(awsProvider);
  const add = (type: string, name: string, props: Record<string, unknown>, options: Options = {}): PolicyResource => {
    const provider = options.provider === null ? undefined : (options.provider ?? (type.startsWith("aws:") || type.startsWith("eks:") ? awsProvider : undefined));
    const resource: PolicyResource = {
      type,
      name,
      urn: urnOf(type, name, options.parent?.type),
      props,
      protect: options.protect ?? false,
      parent: options.parent?.urn,
      dependencies: (options.deps ?? []).map((d) => d.urn!),
      provider: provider ? `${provider.urn}::${provider.name}-id` : undefined,
    };
    resources.push(resource);
    return resource;
  };

  const vpc = add(TYPES.vpc, "vpc", { cidrBlock: "10.40.0.0/16", enableDnsHostnames: true });
  const subnets = ["a", "b", "c"].map((az, i) =>
    add(TYPES.subnet, `private-${az}`, { vpcId: U, cidrBlock: `10.40.${64 + i * 16}.0/20`, availabilityZone: `eu-west-1${az}` }, { deps: [vpc] }),
  );
  const flowLogGroup = add(TYPES.logGroup, "flow-logs", { retentionInDays: 90 });
  add(TYPES.flowLog, "vpc-flow-log", { vpcId: U, trafficType: "ALL", logDestination: U, iamRoleArn: U }, { deps: [vpc, flowLogGroup] });
  add(TYPES.defaultSecurityGroup, "default-security-group", { vpcId: U }, { deps: [vpc] });
  const key = add(
    TYPES.kmsKey,
    "data-key",
    {
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" }],
      }),
    },
    { protect: true },
  );

  // The offline view: @pulumi/eks remote components with their inputs.
  const clusters = ["blue", "green"].map((colour) => {
    const cluster = add(
      TYPES.eksCluster,
      colour,
      {
        version: "1.34",
        vpcId: U,
        privateSubnetIds: [U, U, U],
        endpointPublicAccess: false,
        endpointPrivateAccess: true,
        enabledClusterLogTypes: ALL_LOGS,
        encryptionConfigKeyArn: U,
        skipDefaultNodeGroup: true,
        createOidcProvider: true,
        authenticationMode: "API",
      },
      { deps: [vpc, ...subnets, key] },
    );
    add(
      TYPES.eksManagedNodeGroup,
      `${colour}-workload`,
      { cluster: cluster.urn, enableIMDSv2: true, instanceTypes: ["m7g.large"], capacityType: "ON_DEMAND", scalingConfig: { minSize: 2, desiredSize: 3, maxSize: 6 }, subnetIds: [U, U, U], nodeRoleArn: U },
      { deps: [cluster, ...subnets] },
    );
    add(TYPES.kubernetesProvider, `${colour}-k8s`, { kubeconfig: U, enableServerSideApply: "true" }, { deps: [cluster], provider: null });
    return cluster;
  });

  // The engine's view: an EKS cluster, node group and launch template as AWS resources.
  const engineClusterSg = add(TYPES.securityGroup, "engine-cluster-sg", { vpcId: U, description: "EKS control plane", ingress: [], egress: [] }, { deps: [vpc] });
  const engineCluster = add(
    TYPES.awsEksCluster,
    "engine-cluster",
    {
      version: "1.34",
      roleArn: U,
      enabledClusterLogTypes: ALL_LOGS,
      vpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, subnetIds: [U, U, U], securityGroupIds: [U] },
      encryptionConfig: { provider: { keyArn: U }, resources: ["secrets"] },
    },
    { deps: [...subnets, engineClusterSg, key] },
  );
  const launchTemplate = add(TYPES.launchTemplate, "engine-nodes", {
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 2 },
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeType: "gp3", volumeSize: 50, encrypted: "true" } }],
  });
  add(
    TYPES.awsEksNodeGroup,
    "engine-workload",
    { clusterName: U, nodeRoleArn: U, subnetIds: [U, U, U], instanceTypes: ["c7i.xlarge"], launchTemplate: { id: U, version: U }, scalingConfig: { minSize: 2, desiredSize: 2, maxSize: 4 } },
    { deps: [engineCluster, launchTemplate, ...subnets] },
  );
  add(TYPES.kubernetesProvider, "engine-k8s", { kubeconfig: U }, { deps: [engineCluster], provider: null });

  // Data tier: each store has its own security group admitting only the clusters.
  const store = (name: string, port: number) => {
    const sg = add(TYPES.securityGroup, `${name}-sg`, { vpcId: U, description: `${name} clients`, ingress: [], egress: [] }, { deps: [vpc] });
    for (const cluster of clusters) {
      add(
        TYPES.securityGroupIngressRule,
        `${name}-from-${cluster.name}`,
        { securityGroupId: U, referencedSecurityGroupId: U, ipProtocol: "tcp", fromPort: port, toPort: port, description: `${cluster.name} nodes to ${name}` },
        { deps: [sg, cluster] },
      );
    }
    return sg;
  };
  const postgresSg = store("postgres", 6432);
  const redisSg = store("redis", 6379);
  const kafkaSg = store("kafka", 9098);
  const dataSubnets = add("aws:rds/subnetGroup:SubnetGroup", "postgres-subnets", { subnetIds: [U, U, U] }, { deps: subnets });
  const parameters = add(TYPES.rdsParameterGroup, "postgres-params", { family: "postgres16", name: "icna-prod-postgres16", parameters: [{ name: "rds.force_ssl", value: "1" }, { name: "log_min_duration_statement", value: "500" }] });
  add(
    TYPES.rdsInstance,
    "postgres",
    {
      engine: "postgres",
      engineVersion: "16.4",
      instanceClass: "db.r7g.large",
      allocatedStorage: 100,
      maxAllocatedStorage: 500,
      storageType: "gp3",
      storageEncrypted: true,
      kmsKeyId: U,
      publiclyAccessible: false,
      multiAz: true,
      backupRetentionPeriod: 14,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: "icna-prod-postgres-final",
      iamDatabaseAuthenticationEnabled: true,
      enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
      monitoringInterval: 60,
      monitoringRoleArn: U,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: U,
      autoMinorVersionUpgrade: true,
      username: "icna_admin",
      port: 6432,
      manageMasterUserPassword: true,
      parameterGroupName: U,
      dbSubnetGroupName: U,
      vpcSecurityGroupIds: [U],
    },
    { deps: [postgresSg, parameters, dataSubnets, key], protect: true },
  );
  const cacheSubnets = add("aws:elasticache/subnetGroup:SubnetGroup", "redis-subnets", { subnetIds: [U, U, U] }, { deps: subnets });
  add(
    TYPES.cacheReplicationGroup,
    "redis",
    {
      description: "session cache",
      engine: "redis",
      engineVersion: "7.1",
      nodeType: "cache.r7g.large",
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      atRestEncryptionEnabled: true,
      kmsKeyId: U,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      authToken: SECRET,
      snapshotRetentionLimit: 7,
      finalSnapshotIdentifier: "icna-prod-redis-final",
      subnetGroupName: U,
      securityGroupIds: [U],
    },
    { deps: [redisSg, cacheSubnets, key], protect: true },
  );
  const brokerLogs = add(TYPES.logGroup, "kafka-broker-logs", { retentionInDays: 30 });
  add(
    TYPES.mskCluster,
    "kafka",
    {
      kafkaVersion: "3.7.x",
      numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: [U, U, U], securityGroups: [U], connectivityInfo: { publicAccess: { type: "DISABLED" } } },
      encryptionInfo: { encryptionAtRestKmsKeyArn: U, encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
      clientAuthentication: { sasl: { iam: true } },
      loggingInfo: { brokerLogs: { cloudwatchLogs: { enabled: true, logGroup: U } } },
    },
    { deps: [kafkaSg, ...subnets, key, brokerLogs], protect: true },
  );

  // Workload identity.
  const issuer = "oidc.eks.eu-west-1.amazonaws.com/id/0123456789ABCDEF";
  const role = add(TYPES.iamRole, "app-irsa", {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: { StringEquals: { [`${issuer}:sub`]: "system:serviceaccount:app:api", [`${issuer}:aud`]: "sts.amazonaws.com" } },
        },
      ],
    }),
  });
  const policy = add(TYPES.iamPolicy, "app-policy", {
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ReadUploads", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::icna-prod-uploads/*" },
        { Sid: "Kafka", Effect: "Allow", Action: ["kafka-cluster:Connect", "kafka-cluster:ReadData"], Resource: "arn:aws:kafka:eu-west-1:123456789012:cluster/icna-prod/*" },
        { Sid: "PassNodeRole", Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/icna-prod-node" },
      ],
    }),
  });
  add(TYPES.iamRolePolicyAttachment, "app-policy-attachment", { role: U, policyArn: U }, { deps: [role, policy] });

  // Blue/green traffic.
  for (const [colour, weight] of [["blue", 100], ["green", 0]] as const) {
    add(TYPES.route53Record, `app-${colour}`, { zoneId: "Z0123456789ABC", name: "app.example.com", type: "CNAME", ttl: 60, records: [U], setIdentifier: colour, weightedRoutingPolicies: [{ weight }] });
  }

  // In-cluster workloads on the blue cluster.
  const blueK8s = resources.find((r) => r.name === "blue-k8s")!;
  const k8s = (type: string, name: string, props: Record<string, unknown>) => add(type, name, props, { provider: blueK8s });
  k8s(TYPES.k8sDeployment, "api", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "app" },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "api" } },
      template: {
        metadata: { labels: { app: "api", tier: "web" } },
        spec: {
          serviceAccountName: "api",
          securityContext: { runAsNonRoot: true, runAsUser: 10001 },
          containers: [
            {
              name: "api",
              image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.2",
              resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { memory: "512Mi" } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
          volumes: [{ name: "tmp", emptyDir: {} }],
        },
      },
    },
  });
  k8s(TYPES.k8sPodDisruptionBudget, "api-pdb", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "api", namespace: "app" }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "api" } } } });
  k8s(TYPES.k8sStorageClass, "gp3", { provisioner: "ebs.csi.aws.com", parameters: { type: "gp3", encrypted: "true" } });

  // Miscellaneous.
  add(TYPES.ebsVolume, "scratch", { availabilityZone: "eu-west-1a", type: "gp3", size: 100, encrypted: true });
  add(TYPES.securityGroup, "ingress-alb", { vpcId: U, description: "public load balancer", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "HTTPS from the internet" }], egress: [] }, { deps: [vpc] });
  return resources;
}
