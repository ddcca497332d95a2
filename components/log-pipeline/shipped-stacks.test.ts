import { planStack } from "../../review/plan/stack-plan";
import { ofType } from "../../testing/plan-queries";
import { LOG_RETENTION_DAYS } from "../shared/cloudwatch-logs";

describe("LogPipeline in the shipped stacks", () => {
  it.each(["dev", "prod", "dr"] as const)("%s: one pipeline and one encrypted control-plane group per enabled cluster, retention of its kind", async (stack) => {
    const { plan } = await planStack(stack);
    const clusters = ofType(plan, "eks:index:Cluster").map((c) => String(c.inputs.name));
    const groups = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(g.inputs.name).startsWith("/aws/containerinsights/"));
    expect(groups.map((g) => g.inputs.name).sort()).toEqual(clusters.map((c) => `/aws/containerinsights/${c}/application`).sort());
    expect(clusters.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.inputs.retentionInDays).toBe(LOG_RETENTION_DAYS[stack]);
    const controlPlane = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(g.inputs.name).startsWith("/aws/eks/"));
    expect(controlPlane.map((g) => g.inputs.name).sort()).toEqual(clusters.map((c) => `/aws/eks/${c}/cluster`).sort());
    for (const g of controlPlane) expect(g.inputs).toMatchObject({ retentionInDays: LOG_RETENTION_DAYS[stack], kmsKeyId: expect.anything() });
    for (const c of ofType(plan, "eks:index:Cluster")) expect(c.dependencies).toEqual(expect.arrayContaining(controlPlane.filter((g) => g.inputs.name === `/aws/eks/${c.inputs.name}/cluster`).map((g) => g.urn)));
    expect(ofType(plan, "kubernetes:helm.sh/v3:Release").filter((r) => r.inputs.chart === "aws-for-fluent-bit")).toHaveLength(clusters.length);
  });
});
