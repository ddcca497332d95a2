import { findingId } from "../finding";
import { RiskRule } from "../risk-rule";

/** With deleteBeforeReplace the old resource is gone before the new one exists. */
export const deleteBeforeReplace: RiskRule = {
  id: "delete-before-replace",
  category: "downtime",
  description: "A resource is replaced with deleteBeforeReplace: there is a gap with neither old nor new.",
  evaluate(context) {
    return context.changes
      .filter((change) => change.op === "replace" && change.deleteBeforeReplace)
      .map((change) => ({
        id: findingId("downtime", this.id, [change.urn]),
        category: "downtime" as const,
        severity: "high" as const,
        urns: [change.urn],
        title: `Replacing ${change.name} delete-before-replace takes it away until the new one is created; if creation fails it stays gone`,
        evidence: [`steps: ${change.steps.join(" → ")}`, ...change.replaceReasons.map((r) => `replace reason: ${r}`)],
        recommendation: `Prefer create-before-delete: give the resource a generated (auto-named) physical name so both can exist at once, then drop deleteBeforeReplace; or run the change in a maintenance window.`,
        source: "rules" as const,
      }));
  },
};
