import { karpenterControllerPolicy, nodeRolePassPolicy, type IamStatement } from "./karpenter-controller-policy";
import { architectureOf, KARPENTER_DEFAULTS, resolveKarpenterSettings } from "./karpenter-settings";
import { karpenterResourceNames } from "./karpenter";

const scope = {
  partition: "aws",
  region: "eu-west-1",
  accountId: "111122223333",
  clusterName: "icna-prod-green",
  interruptionQueueArn: "arn:aws:sqs:eu-west-1:111122223333:icna-prod-green-karpenter",
  instanceProfileArn: "arn:aws:iam::111122223333:instance-profile/icna-prod-green-karpenter-nodes",
};
const statements = karpenterControllerPolicy(scope).Statement;
const EC2_WRITES = /^ec2:(RunInstances|CreateFleet|CreateLaunchTemplate|CreateTags|TerminateInstances|DeleteLaunchTemplate)$/;
const resourcesOf = (s: IamStatement) => [s.Resource].flat();

describe("karpenterControllerPolicy", () => {
  it("names no wildcard action and gives every statement a distinct Sid", () => {
    expect(statements.flatMap((s) => s.Action).filter((a) => a.includes("*"))).toEqual([]);
    expect(new Set(statements.map((s) => s.Sid)).size).toBe(statements.length);
  });

  it("grants only reads on Resource \"*\", and EC2 reads only in the cluster's region", () => {
    const unscoped = statements.filter((s) => resourcesOf(s).includes("*"));
    expect(unscoped.flatMap((s) => s.Action).every((a) => /^(ec2:Describe|pricing:Get)/.test(a))).toBe(true);
    expect(unscoped.find((s) => s.Action.some((a) => a.startsWith("ec2:")))?.Condition).toEqual({ StringEquals: { "aws:RequestedRegion": "eu-west-1" } });
  });

  it("keeps every EC2 resource in the cluster's region, and its account except public images and snapshots", () => {
    const ec2Arns = statements.flatMap(resourcesOf).filter((r) => r.startsWith("arn:aws:ec2:"));
    expect(ec2Arns.every((r) => r.startsWith("arn:aws:ec2:eu-west-1:"))).toBe(true);
    expect(ec2Arns.filter((r) => !r.startsWith("arn:aws:ec2:eu-west-1:111122223333:"))).toEqual(["arn:aws:ec2:eu-west-1::image/*", "arn:aws:ec2:eu-west-1::snapshot/*"]);
  });

  it("conditions every EC2 write on instances, volumes, interfaces and templates on this cluster's ownership tag", () => {
    const owned = /:(instance|volume|network-interface|launch-template|fleet|spot-instances-request)\/\*$/;
    const writes = statements.filter((s) => s.Action.some((a) => EC2_WRITES.test(a)) && resourcesOf(s).some((r) => owned.test(r)));
    expect(writes.length).toBeGreaterThanOrEqual(4);
    for (const s of writes) {
      const tagConditions = JSON.stringify(s.Condition ?? {});
      expect(tagConditions).toMatch(/aws:(Request|Resource)Tag\/kubernetes\.io\/cluster\/icna-prod-green":"owned"/);
      expect(tagConditions).toMatch(/aws:(Request|Resource)Tag\/karpenter\.sh\/nodepool":"\*"/);
    }
  });

  it("passes only the node role, only to EC2, reads only its instance profile, and uses only this queue and cluster", () => {
    const find = (action: string) => statements.filter((s) => s.Action.includes(action));
    const nodeRoleArn = "arn:aws:iam::111122223333:role/icna-prod-green-nodes";
    expect(nodeRolePassPolicy(nodeRoleArn).Statement).toEqual([expect.objectContaining({ Action: ["iam:PassRole"], Resource: nodeRoleArn, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } })]);
    expect(statements.flatMap((s) => s.Action).filter((a) => a.startsWith("iam:"))).toEqual(["iam:GetInstanceProfile"]);
    expect(find("iam:GetInstanceProfile")[0].Resource).toBe(scope.instanceProfileArn);
    expect(find("sqs:ReceiveMessage")[0].Resource).toBe(scope.interruptionQueueArn);
    expect(find("eks:DescribeCluster")[0].Resource).toBe("arn:aws:eks:eu-west-1:111122223333:cluster/icna-prod-green");
  });

  it("uses the region's partition in every ARN", () => {
    const gov = karpenterControllerPolicy({ ...scope, partition: "aws-us-gov", region: "us-gov-west-1" }).Statement.flatMap(resourcesOf).filter((r) => r !== "*" && !r.startsWith("arn:aws:"));
    expect(gov.filter((r) => r.startsWith("arn:aws-us-gov:ec2:") || r.startsWith("arn:aws-us-gov:ssm:") || r.startsWith("arn:aws-us-gov:eks:"))).toHaveLength(gov.length);
  });
});

describe("Karpenter settings", () => {
  it("defaults to on-demand, current-generation x86 families and a 100 vCPU ceiling", () => {
    expect(resolveKarpenterSettings("c")).toEqual(KARPENTER_DEFAULTS);
    expect(KARPENTER_DEFAULTS).toMatchObject({ capacityTypes: ["on-demand"], cpuLimit: 100 });
  });

  it("tells Graviton families from x86 ones", () => {
    expect(["m7g", "c7gn", "r8g", "x2gd"].map(architectureOf)).toEqual(["arm64", "arm64", "arm64", "arm64"]);
    expect(["m7i", "c6a", "g5", "m7i-flex", "r6id"].map(architectureOf)).toEqual(["amd64", "amd64", "amd64", "amd64", "amd64"]);
  });

  it("rejects a pinned AMI alias that is not one and a disk too small to boot", () => {
    expect(() => resolveKarpenterSettings("c", { amiAlias: "ami-0abc", diskSizeGiB: 8 })).toThrow(
      'c: karpenter.diskSizeGiB must be a whole number of GiB in [20, 16384], got 8; karpenter.amiAlias "ami-0abc" is not an EKS AMI alias (e.g. "al2023@latest" or "al2023@v20261101")',
    );
    expect(resolveKarpenterSettings("c", { amiAlias: "al2023@v20261101" }).amiAlias).toBe("al2023@v20261101");
  });

  it("derives Karpenter's resource names from the cluster name and refuses one too long for EventBridge", () => {
    expect(karpenterResourceNames("icna-prod-blue")).toMatchObject({ interruptionQueue: "icna-prod-blue-karpenter", instanceProfile: "icna-prod-blue-karpenter-nodes" });
    expect(() => karpenterResourceNames("x".repeat(40))).toThrow("is too long for Karpenter's interruption rule names (68 > 64 characters)");
  });
});
