import * as k8s from "@pulumi/kubernetes";
import { evaluatePolicies } from "../../policies/evaluate";
import { policyResourcesFromPlan } from "../../policies/plan-input";
import type { OfflinePlan, PlanResource } from "../../review/plan/model";
import { runOfflinePreview } from "../../review/plan/offline-preview";
import { jsonInput, named } from "../../testing/plan-queries";
import { LOG_RETENTION_DAYS } from "../shared/cloudwatch-logs";
import { FLUENT_BIT_CHART, fluentBitPolicy, LogPipeline, type LogPipelineArgs } from "./log-pipeline";

const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const GROUP = "/aws/containerinsights/icna-prod-blue/application";

async function plan(stack: "dev" | "prod" | "dr", overrides: Partial<LogPipelineArgs> = {}): Promise<OfflinePlan> {
  return runOfflinePreview({
    project: "icna",
    stack,
    config: { "aws:region": "us-east-1" },
    program: async () => {
      const provider = new k8s.Provider("p", { kubeconfig: "{}" });
      new LogPipeline("blue-logs", {
        cluster: {
          provider,
          oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`,
          oidcProviderUrl: `https://${ISSUER}`,
        },
        clusterName: "icna-prod-blue",
        account: { accountId: "111122223333", region: "us-east-1" },
        environment: stack,
        tags: { owner: "platform", "cost-center": "cc-42", environment: stack, "managed-by": "icna" },
        ...overrides,
      });
    },
  });
}

type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, string>>;
};

describe("LogPipeline", () => {
  let prod: OfflinePlan;
  beforeAll(async () => {
    prod = await plan("prod");
  });

  it("writes container logs to a KMS-encrypted group whose retention follows the stack kind", async () => {
    expect(named(prod, "aws:cloudwatch/logGroup:LogGroup", "blue-logs-application").inputs).toMatchObject({
      name: GROUP,
      retentionInDays: 365,
    });
    expect(named(prod, "aws:cloudwatch/logGroup:LogGroup", "blue-logs-application").inputs.kmsKeyId).toBeDefined();
    const dev = await plan("dev");
    expect(named(dev, "aws:cloudwatch/logGroup:LogGroup", "blue-logs-application").inputs.retentionInDays).toBe(
      LOG_RETENTION_DAYS.dev,
    );
    expect(named(prod, "aws:kms/key:Key", "blue-logs-logs").inputs).toMatchObject({
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
  });

  it("lets CloudWatch Logs use the key only for this cluster's groups", () => {
    const statements = (
      jsonInput(named(prod, "aws:kms/key:Key", "blue-logs-logs").inputs.policy) as { Statement: Statement[] }
    ).Statement;
    const logs = statements.find((s) => s.Sid === "CloudWatchLogsUsesForThisClusterOnly")!;
    expect(logs.Principal).toEqual({ Service: "logs.us-east-1.amazonaws.com" });
    expect(logs.Condition).toEqual({
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn":
          "arn:aws:logs:us-east-1:111122223333:log-group:/aws/containerinsights/icna-prod-blue/*",
      },
    });
  });

  it("gives Fluent Bit an IRSA role for its own service account that can only write streams into its group", () => {
    const role = named(prod, "aws:iam/role:Role", "blue-logs-fluent-bit");
    const trust = jsonInput(role.inputs.assumeRolePolicy) as { Statement: Statement[] };
    expect(trust.Statement[0].Condition!.StringEquals).toEqual({
      [`${ISSUER}:sub`]: "system:serviceaccount:amazon-cloudwatch:aws-for-fluent-bit",
      [`${ISSUER}:aud`]: "sts.amazonaws.com",
    });
    const arn = "arn:aws:logs:us-east-1:111122223333:log-group:" + GROUP;
    expect(jsonInput(named(prod, "aws:iam/rolePolicy:RolePolicy", "blue-logs-fluent-bit").inputs.policy)).toEqual(
      fluentBitPolicy(arn),
    );
    expect(fluentBitPolicy(arn)).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "WriteContainerLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          Resource: [arn, `${arn}:log-stream:*`],
        },
      ],
    });
  });

  it("installs the pinned AWS for Fluent Bit chart with the role, writing to the group it does not create", () => {
    const release = named(prod, "kubernetes:helm.sh/v3:Release", "blue-logs-fluent-bit");
    expect(release.inputs).toMatchObject({
      chart: FLUENT_BIT_CHART.chart,
      version: FLUENT_BIT_CHART.version,
      namespace: "amazon-cloudwatch",
      atomic: true,
    });
    const values = release.inputs.values as {
      cloudWatchLogs: Record<string, unknown>;
      serviceAccount: { name: string };
    };
    expect(values.cloudWatchLogs).toMatchObject({
      enabled: true,
      region: "us-east-1",
      logGroupName: GROUP,
      logGroupTemplate: GROUP,
      autoCreateGroup: false,
    });
    expect(values.serviceAccount.name).toBe("aws-for-fluent-bit");
  });

  const evaluate = (edit: (r: PlanResource) => PlanResource = (r) => r) =>
    evaluatePolicies(
      policyResourcesFromPlan({ resources: prod.resources.map((r) => edit(structuredClone(r))) }),
      { name: "prod", kind: "prod" },
      { today: "2026-12-07" },
    );

  it("passes every policy rule of a production stack, with no check left undecided", () => {
    const evaluation = evaluate();
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.undecided).toEqual([]);
  });

  it("is really checked by them: a wildcard IRSA subject would be refused", () => {
    const wildcard = evaluate((r) => {
      if (r.type === "aws:iam/role:Role" && r.name === "blue-logs-fluent-bit") {
        const trust = jsonInput(r.inputs.assumeRolePolicy) as { Statement: Statement[] };
        trust.Statement[0].Condition = { StringLike: { [`${ISSUER}:sub`]: "system:serviceaccount:*" } };
        r.inputs.assumeRolePolicy = JSON.stringify(trust);
      }
      return r;
    });
    expect(wildcard.violations.map((v) => v.policy)).toContain("iam-oidc-trust-scoped");
  });
});
