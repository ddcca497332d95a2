import type { OfflinePlan } from "../../review/plan/model";
import { runOfflinePreview } from "../../review/plan/offline-preview";
import { jsonInput, named } from "../../testing/plan-queries";
import { LOG_RETENTION_DAYS } from "../shared/cloudwatch-logs";
import { controlPlaneLogGroupName } from "./control-plane-logs";
import { EksCluster } from "./eks-cluster";

const NODES = {
  instanceTypes: ["m6i.large"],
  capacityType: "ON_DEMAND" as const,
  minSize: 2,
  maxSize: 3,
  desiredSize: 2,
  diskSizeGiB: 50,
  labels: {},
};

async function plan(stack: "dev" | "prod" | "dr"): Promise<OfflinePlan> {
  return runOfflinePreview({
    project: "icna",
    stack,
    config: { "aws:region": "us-east-1" },
    program: async () => {
      new EksCluster("blue", {
        clusterName: `icna-${stack}-blue`,
        kubernetesVersion: "1.35",
        vpcId: "vpc-0123456789abcdef0",
        privateSubnetIds: ["subnet-a", "subnet-b"],
        nodeGroups: { system: NODES, workload: NODES },
        environment: stack,
        account: { accountId: "111122223333", region: "us-east-1" },
        tags: { owner: "platform", "cost-center": "cc-42", environment: stack, "managed-by": "icna" },
      });
    },
  });
}

type Statement = { Sid?: string; Principal?: unknown; Condition?: Record<string, Record<string, string>> };

describe("EksCluster control-plane logs", () => {
  let prod: OfflinePlan;
  beforeAll(async () => {
    prod = await plan("prod");
  });

  it("sends them to EKS's own group name, created first, KMS-encrypted, with the stack kind's retention", async () => {
    expect(controlPlaneLogGroupName("icna-prod-blue")).toBe("/aws/eks/icna-prod-blue/cluster");
    const group = named(prod, "aws:cloudwatch/logGroup:LogGroup", "blue-control-plane");
    const key = named(prod, "aws:kms/key:Key", "blue-control-plane-logs");
    expect(group.inputs).toMatchObject({
      name: "/aws/eks/icna-prod-blue/cluster",
      retentionInDays: LOG_RETENTION_DAYS.prod,
    });
    expect(group.dependencies).toContain(key.urn);
    expect(group.inputs.kmsKeyId).toBeDefined();
    const cluster = named(prod, "eks:index:Cluster", "blue");
    expect(cluster.dependencies).toContain(group.urn);
    expect(cluster.inputs.enabledClusterLogTypes).toEqual([
      "api",
      "audit",
      "authenticator",
      "controllerManager",
      "scheduler",
    ]);

    const dev = await plan("dev");
    expect(named(dev, "aws:cloudwatch/logGroup:LogGroup", "blue-control-plane").inputs.retentionInDays).toBe(
      LOG_RETENTION_DAYS.dev,
    );
    expect(named(dev, "aws:kms/key:Key", "blue-control-plane-logs").protect).toBe(false);
  });

  it("protects a production key that CloudWatch Logs may use for this control plane's group only", () => {
    const key = named(prod, "aws:kms/key:Key", "blue-control-plane-logs");
    expect(key.protect).toBe(true);
    expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
    const logs = (jsonInput(key.inputs.policy) as { Statement: Statement[] }).Statement.find(
      (s) => s.Principal && JSON.stringify(s.Principal).includes("logs."),
    )!;
    expect(logs.Principal).toEqual({ Service: "logs.us-east-1.amazonaws.com" });
    expect(logs.Condition).toEqual({
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn":
          "arn:aws:logs:us-east-1:111122223333:log-group:/aws/eks/icna-prod-blue/cluster",
      },
    });
  });
});
