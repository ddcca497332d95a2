import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../stateful-types";
import { worseningConditions } from "../worsening-conditions";

/** A deleted stateful resource takes its data with it. */
export const deleteStateful: RiskRule = {
  id: "delete-stateful",
  category: "data-loss",
  description: "A stateful resource is deleted.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "delete") return [];
      const kind = statefulKind(change.type, change.oldInputs);
      if (!kind) return [];
      const conditions = worseningConditions(change);
      if (change.retainOnDelete) {
        return [
          {
            id: findingId("data-loss", this.id, [change.urn]),
            category: "data-loss",
            severity: "low",
            urns: [change.urn],
            title: `Removing ${change.name} from the stack leaves the ${kind.label} running, unmanaged (retainOnDelete)`,
            evidence: ["op: delete", "retainOnDelete: true"],
            recommendation: `Import it elsewhere or delete it by hand once nothing uses it; it keeps costing money meanwhile.`,
            source: "rules",
          },
        ];
      }
      return [
        {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss",
          severity: conditions.length > 0 ? "critical" : "high",
          urns: [change.urn],
          title: `Deleting ${change.name} destroys ${kind.loses}: the ${kind.label} is removed from the stack and destroyed`,
          evidence: ["op: delete", ...conditions],
          recommendation: `If the resource moved or was renamed, add an alias so Pulumi keeps it; if it must go, take a snapshot/backup first, or set retainOnDelete. Approve this finding by id only when the data is no longer needed.`,
          source: "rules",
        },
      ];
    });
  },
};
