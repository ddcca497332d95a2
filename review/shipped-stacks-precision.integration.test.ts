/**
 * The shipped stacks' offline reviews lead with real findings: none of medium or higher severity that
 * a platform engineer would dismiss (unknowns computed inside the plan are one low note per kind).
 */
import { planStack } from "./plan/stack-plan";
import { severityRank } from "./risk/finding";
import { reviewOfflinePlan } from "./run-review";

describe.each(["dev", "prod", "dr"] as const)("the %s stack's offline review", (stack) => {
  it("has no medium-or-higher finding and folds its unknowns into low notes", async () => {
    const { config, plan } = await planStack(stack);
    const review = await reviewOfflinePlan({ name: stack, kind: config.environment, region: config.region }, plan, undefined, { llm: { enabled: false } });
    const serious = review.findings.filter((f) => severityRank(f.severity) >= severityRank("medium")).map((f) => `${f.severity} ${f.title}`);
    expect(serious).toEqual([]);
    const unknownNotes = review.findings.filter((f) => f.category === "uncertainty");
    expect(unknownNotes.every((f) => f.severity === "low" && f.title.startsWith("Decided at deploy"))).toBe(true);
    expect(unknownNotes.length).toBeLessThanOrEqual(3);
  }, 120_000);
});
