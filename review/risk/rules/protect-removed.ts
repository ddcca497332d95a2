import { findingId } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../../../policies/knowledge/stateful-types";

/** `protect` was set on purpose: removing it is what lets a later change delete the resource. */
export const protectRemoved: RiskRule = {
  id: "protect-removed",
  category: "data-loss",
  description: "The `protect` resource option is removed from a resource that had it.",
  evaluate(context) {
    return context.changes
      .filter((change) => change.protect.old === true && change.protect.new === false)
      .map((change) => {
        const kind = statefulKind(change.type);
        const destroyed = change.op === "delete" || change.op === "replace";
        return {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss" as const,
          severity: destroyed ? ("critical" as const) : ("high" as const),
          urns: [change.urn],
          title: `Removing protect from ${change.name} lets Pulumi delete ${kind ? `the ${kind.label} and ${kind.loses}` : "it"}${destroyed ? `, and this very change ${change.op === "delete" ? "deletes" : "replaces"} it` : " in any later update"}`,
          evidence: ["protect: true → false", `op: ${change.op}`],
          recommendation: `Keep protect: true on ${change.name}. If it must be removed, do it in a change of its own that does nothing else, reviewed on its own.`,
          source: "rules" as const,
        };
      });
  },
};
