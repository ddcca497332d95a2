import { planStack } from "../../review/plan/stack-plan";
import { ofType } from "../../testing/plan-queries";
import { CONTAINER_LOG_RETENTION_DAYS } from "./log-pipeline";

describe("LogPipeline in the shipped stacks", () => {
  it.each(["dev", "prod", "dr"] as const)("%s: one pipeline per enabled cluster, retention of its kind", async (stack) => {
    const { plan } = await planStack(stack);
    const clusters = ofType(plan, "eks:index:Cluster").map((c) => String(c.inputs.name));
    const groups = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(g.inputs.name).startsWith("/aws/containerinsights/"));
    expect(groups.map((g) => g.inputs.name).sort()).toEqual(clusters.map((c) => `/aws/containerinsights/${c}/application`).sort());
    expect(clusters.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.inputs.retentionInDays).toBe(CONTAINER_LOG_RETENTION_DAYS[stack]);
    expect(ofType(plan, "kubernetes:helm.sh/v3:Release").filter((r) => r.inputs.chart === "aws-for-fluent-bit")).toHaveLength(clusters.length);
  });
});
