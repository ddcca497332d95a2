import { OfflinePlan, UNKNOWN } from "../review/plan/model";
import { planFromSettings, planStack } from "../review/plan/stack-plan";
import { jsonInput, named, ofType } from "../testing/plan-queries";
import { shippedSettings, withEdit } from "../testing/stack-settings";

const plans: Record<string, OfflinePlan> = {};
beforeAll(async () => {
  for (const stack of ["prod", "dev", "dr"]) plans[stack] = (await planStack(stack)).plan;
});

describe("Network", () => {
  it("spans 3 AZs in prod with public, private and isolated subnets", () => {
    const subnets = ofType(plans.prod, "aws:ec2/subnet:Subnet");
    expect(subnets).toHaveLength(9);
    const byTier = (tier: string) => subnets.filter((s) => (s.inputs.tags as Record<string, string>)["icna.io/tier"] === tier);
    for (const tier of ["public", "private", "isolated"]) {
      expect(new Set(byTier(tier).map((s) => s.inputs.availabilityZone))).toEqual(new Set(["us-east-1a", "us-east-1b", "us-east-1c"]));
    }
    expect(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false)).toBe(true);
  });

  it("tags subnets for load balancers, both clusters and Karpenter discovery", () => {
    const subnets = ofType(plans.prod, "aws:ec2/subnet:Subnet");
    const tags = (name: string) => subnets.find((s) => s.name === name)?.inputs.tags as Record<string, string>;
    expect(tags("icna-prod-public-us-east-1a")).toMatchObject({ "kubernetes.io/role/elb": "1", "kubernetes.io/cluster/icna-prod-blue": "shared", "kubernetes.io/cluster/icna-prod-green": "shared" });
    expect(tags("icna-prod-private-us-east-1b")).toMatchObject({ "kubernetes.io/role/internal-elb": "1", "karpenter.sh/discovery": "icna-prod" });
    expect(tags("icna-prod-isolated-us-east-1c")["kubernetes.io/role/internal-elb"]).toBeUndefined();
  });

  it("has a NAT gateway per AZ in prod and a single one in dev", () => {
    expect(ofType(plans.prod, "aws:ec2/natGateway:NatGateway")).toHaveLength(3);
    expect(ofType(plans.dev, "aws:ec2/natGateway:NatGateway")).toHaveLength(1);
    const privateTables = ofType(plans.dev, "aws:ec2/routeTable:RouteTable").filter((t) => t.name.includes("-private-"));
    expect(privateTables).toHaveLength(2);
  });

  it("keeps the isolated (data) tier without any route to the internet", () => {
    expect(named(plans.prod, "aws:ec2/routeTable:RouteTable", "icna-prod-isolated").inputs.routes ?? []).toEqual([]);
  });

  it("has an S3 gateway endpoint and private-DNS interface endpoints reachable only on 443 from the VPC", () => {
    const endpoints = ofType(plans.prod, "aws:ec2/vpcEndpoint:VpcEndpoint");
    expect(endpoints.map((e) => e.inputs.serviceName).sort()).toEqual(["com.amazonaws.us-east-1.ecr.api", "com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.sts"]);
    expect(named(plans.prod, "aws:ec2/vpcEndpoint:VpcEndpoint", "icna-prod-s3").inputs.vpcEndpointType).toBe("Gateway");
    const sg = named(plans.prod, "aws:ec2/securityGroup:SecurityGroup", "icna-prod-endpoints");
    expect(sg.inputs.ingress).toEqual([expect.objectContaining({ fromPort: 443, toPort: 443, protocol: "tcp", cidrBlocks: ["10.40.0.0/16"] })]);
  });

  it("logs all VPC traffic to a KMS-encrypted group and denies everything on the default security group", () => {
    expect(named(plans.prod, "aws:ec2/flowLog:FlowLog", "icna-prod").inputs).toMatchObject({ trafficType: "ALL", logDestinationType: "cloud-watch-logs" });
    expect(named(plans.prod, "aws:cloudwatch/logGroup:LogGroup", "icna-prod-flow-logs").inputs).toMatchObject({ retentionInDays: 365, kmsKeyId: UNKNOWN });
    expect(named(plans.prod, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "icna-prod-default").inputs).toMatchObject({ ingress: [], egress: [] });
  });
});

describe("EksCluster", () => {
  const cluster = (plan: OfflinePlan, colour: string) => named(plan, "eks:index:Cluster", `${plan.stack === "prod" ? "icna-prod" : `icna-${plan.stack}`}-${colour}`);

  it("creates blue and green clusters with their own Kubernetes versions", () => {
    expect(ofType(plans.prod, "eks:index:Cluster").map((c) => [c.inputs.name, c.inputs.version])).toEqual([
      ["icna-prod-blue", "1.35"],
      ["icna-prod-green", "1.35"],
    ]);
  });

  it("uses API authentication with access entries, OIDC for IRSA, a private endpoint and all control-plane logs", () => {
    const inputs = cluster(plans.prod, "blue").inputs;
    expect(inputs).toMatchObject({
      authenticationMode: "API",
      createOidcProvider: true,
      endpointPrivateAccess: true,
      endpointPublicAccess: false,
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
      skipDefaultNodeGroup: true,
      nodeAssociatePublicIpAddress: false,
      deletionProtection: true,
    });
    expect(inputs.accessEntries).toEqual({ "admin-0": expect.objectContaining({ principalArn: "arn:aws:iam::111122223333:role/platform-admin" }) });
    expect(inputs.publicAccessCidrs).toBeUndefined();
  });

  it("restricts a dev public endpoint to the configured CIDRs", () => {
    expect(cluster(plans.dev, "blue").inputs).toMatchObject({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"], deletionProtection: false });
  });

  it("encrypts secrets with a rotating customer-managed key", () => {
    const key = named(plans.prod, "aws:kms/key:Key", "icna-prod-blue-secrets");
    expect(key.inputs.enableKeyRotation).toBe(true);
    expect(cluster(plans.prod, "blue").inputs.encryptionConfigKeyArn).toBe(UNKNOWN);
    expect(cluster(plans.prod, "blue").dependencies).toContain(key.urn);
  });

  it("pins the core add-ons for each cluster's Kubernetes version", () => {
    expect(cluster(plans.prod, "green").inputs).toMatchObject({ vpcCniOptions: { addonVersion: "v1.21.1-eksbuild.3" }, corednsAddonOptions: { version: "v1.13.2-eksbuild.1" }, kubeProxyAddonOptions: { version: "v1.35.0-eksbuild.2" } });
    const addons = ofType(plans.prod, "aws:eks/addon:Addon").filter((a) => a.name.startsWith("icna-prod-blue"));
    expect(addons.map((a) => [a.inputs.addonName, a.inputs.addonVersion])).toEqual([
      ["eks-pod-identity-agent", "v1.3.10-eksbuild.3"],
      ["aws-ebs-csi-driver", "v1.57.1-eksbuild.1"],
    ]);
  });

  it("runs an on-demand system group across every private subnet and an IMDSv2-only launch template", () => {
    const system = named(plans.prod, "eks:index:ManagedNodeGroup", "icna-prod-blue-system");
    expect(system.inputs).toMatchObject({ capacityType: "ON_DEMAND", scalingConfig: { minSize: 3, maxSize: 6, desiredSize: 3 }, instanceTypes: ["m6i.large"] });
    expect(system.inputs.subnetIds).toHaveLength(3);
    expect(system.inputs.taints).toEqual([{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }]);
    const template = named(plans.prod, "aws:ec2/launchTemplate:LaunchTemplate", "icna-prod-blue-system");
    expect(template.inputs.metadataOptions).toMatchObject({ httpTokens: "required", httpPutResponseHopLimit: 1 });
    expect(template.inputs.blockDeviceMappings).toEqual([expect.objectContaining({ ebs: expect.objectContaining({ encrypted: "true", volumeType: "gp3" }) })]);
  });

  it("leaves the EBS CSI driver's IRSA trust unknown in a preview: it needs the OIDC provider that only `up` creates", () => {
    expect(named(plans.prod, "aws:iam/role:Role", "icna-prod-blue-ebs-csi").inputs.assumeRolePolicy).toBe(UNKNOWN);
  });

  it("records which input each dependency comes through, as the engine receives it", () => {
    const addon = named(plans.prod, "aws:eks/addon:Addon", "icna-prod-blue-ebs-csi-driver");
    expect(addon.propertyDependencies?.serviceAccountRoleArn).toEqual([named(plans.prod, "aws:iam/role:Role", "icna-prod-blue-ebs-csi").urn]);
  });

  it("gives each cluster exactly one Kubernetes provider", () => {
    expect(ofType(plans.prod, "pulumi:providers:kubernetes").map((p) => p.name)).toEqual(["icna-prod-blue-k8s", "icna-prod-green-k8s"]);
  });

  it("lets nodes assume their role only from EC2", () => {
    const trust = jsonInput(named(plans.prod, "aws:iam/role:Role", "icna-prod-blue-nodes").inputs.assumeRolePolicy) as { Statement: { Principal: unknown }[] };
    expect(trust.Statement).toEqual([expect.objectContaining({ Principal: { Service: "ec2.amazonaws.com" } })]);
  });
});

describe("BlueGreenClusters", () => {
  it("switches traffic with weighted Route 53 records for the public hostname", () => {
    const records = ofType(plans.prod, "aws:route53/record:Record");
    expect(records.map((r) => [r.inputs.setIdentifier, r.inputs.weightedRoutingPolicies, r.inputs.records])).toEqual([
      ["blue", [{ weight: 100 }], ["blue.app.example.com"]],
      ["green", [{ weight: 0 }], ["green.app.example.com"]],
    ]);
    expect(records.every((r) => r.inputs.name === "app.example.com" && r.inputs.type === "CNAME")).toBe(true);
  });

  it("changing the weights and the live colour changes only the weighted records", async () => {
    const settings = withEdit(shippedSettings("prod"), "icna:traffic", (t) => Object.assign(t, { live: "green", weights: { blue: 10, green: 90 } }));
    const shifted = (await planFromSettings("prod", settings)).plan;
    const before = new Map(plans.prod.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]));
    const changed = shifted.resources.filter((r) => before.get(r.urn) !== JSON.stringify(r.inputs)).map((r) => r.type);
    expect(shifted.resources.map((r) => r.urn).sort()).toEqual([...before.keys()].sort());
    expect(changed).toEqual(["aws:route53/record:Record", "aws:route53/record:Record"]);
  });

  it("leaves a disabled colour without a cluster or record (DR pilot light)", () => {
    expect(ofType(plans.dr, "eks:index:Cluster").map((c) => c.inputs.name)).toEqual(["icna-dr-blue"]);
    expect(ofType(plans.dr, "aws:route53/record:Record").map((r) => r.inputs.setIdentifier)).toEqual(["blue"]);
    expect(named(plans.dr, "eks:index:ManagedNodeGroup", "icna-dr-blue-workload").inputs.scalingConfig).toMatchObject({ minSize: 0, desiredSize: 0 });
  });
});

describe("runtime services per cluster", () => {
  it("runs the autoscaling stack and the anomaly watcher in both prod clusters, each through that cluster's own provider", () => {
    for (const colour of ["blue", "green"]) {
      const cluster = named(plans.prod, "icna:components:EksCluster", `icna-prod-${colour}`);
      const autoscaling = named(plans.prod, "icna:components:AutoscalingStack", `icna-prod-${colour}-autoscaling`);
      const watcher = named(plans.prod, "icna:observability:AnomalyWatcher", `icna-prod-${colour}-watcher`);
      expect(autoscaling.parent).toBe(cluster.urn);
      expect(watcher.parent).toBe(cluster.urn);
      const provider = named(plans.prod, "pulumi:providers:kubernetes", `icna-prod-${colour}-k8s`).urn;
      const inCluster = plans.prod.resources.filter((r) => r.type.startsWith("kubernetes:") && (r.parent === autoscaling.urn || r.parent === watcher.urn));
      expect(inCluster.length).toBeGreaterThan(10);
      for (const r of inCluster) expect(r.provider?.startsWith(`${provider}::`)).toBe(true);
    }
  });

  it("watches its own colour and alerts the in-cluster Alertmanager", () => {
    const config = named(plans.prod, "kubernetes:core/v1:ConfigMap", "icna-prod-green-watcher-config").inputs.data as Record<string, string>;
    expect(config["watch.yaml"]).toMatch(/alertmanager: http:\/\/kube-prometheus-stack-alertmanager\.monitoring\.svc:9093/);
    expect(config["watch.yaml"]).toMatch(/colours:\n {2}- green\n/);
  });

  it("runs the PSE from the digest-pinned image in prod", () => {
    const deployment = named(plans.prod, "kubernetes:apps/v1:Deployment", "icna-prod-blue-autoscaling-pse");
    expect(JSON.stringify(deployment.inputs)).toMatch(/ghcr\.io\/example\/icna@sha256:[0-9a-f]{64}/);
  });

  it("leaves the DR stack's disabled colour without runtime services", () => {
    expect(ofType(plans.dr, "icna:components:AutoscalingStack").map((r) => r.name)).toEqual(["icna-dr-blue-autoscaling"]);
  });
});

describe("the stack program", () => {
  it("parents every resource under a component or the stack", () => {
    const urns = new Set(plans.prod.resources.map((r) => r.urn));
    for (const resource of plans.prod.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")) expect(urns.has(resource.parent ?? "")).toBe(true);
  });

  it("tags every taggable AWS resource with owner, cost-center and environment", () => {
    const taggable = plans.prod.resources.filter((r) => r.type.startsWith("aws:") && r.inputs.tags !== undefined);
    expect(taggable.length).toBeGreaterThan(40);
    for (const r of taggable) expect(r.inputs.tags).toMatchObject({ owner: "platform-team", "cost-center": "cc-1001", environment: "prod" });
  });

  it("exports no secret values", () => {
    expect(JSON.stringify(plans.prod.outputs)).not.toMatch(/kubeconfig/i);
    expect(plans.prod.outputs).toMatchObject({ hostname: "app.example.com", liveColour: "blue" });
  });
});
