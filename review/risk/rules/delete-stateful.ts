import { findingId, Finding } from "../finding";
import { assessDataLoss } from "../data-loss";
import { RiskRule } from "../risk-rule";

/** A deleted resource that holds data takes it with it, or fails half-way when AWS refuses to delete it non-empty. */
export const deleteStateful: RiskRule = {
  id: "delete-stateful",
  category: "data-loss",
  description: "A resource that holds data (database, cache, broker, bucket or object, table, file system, volume, repository, secret, key, log group, hosted zone, queue, Kubernetes volume) is deleted.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "delete") return [];
      const loss = assessDataLoss(change, context.stack.kind);
      if (!loss) return [];
      const { kind } = loss.outcome;
      if (change.retainOnDelete) {
        return [
          {
            id: findingId("data-loss", this.id, [change.urn]),
            category: "data-loss",
            severity: "low",
            urns: [change.urn],
            title: `Removing ${change.name} from the stack leaves the ${kind.label} in place, unmanaged (retainOnDelete)`,
            evidence: ["op: delete", "retainOnDelete: true"],
            recommendation: `Import it elsewhere or delete it by hand once nothing uses it; it keeps costing money meanwhile.`,
            source: "rules",
          },
        ];
      }
      const failure = loss.outcome.outcome === "failure-if-not-empty";
      return [
        {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss",
          severity: loss.severity,
          urns: [change.urn],
          title: `Deleting the ${kind.label} ${change.name} ${loss.consequence}`,
          evidence: ["op: delete", ...loss.evidence],
          recommendation: failure
            ? `Empty it first (copy what must be kept), or set ${kind.refusal!.forceInput} in a separate, reviewed change if its contents may go; if it moved or was renamed, add an alias so Pulumi keeps it.`
            : `If the resource moved or was renamed, add an alias so Pulumi keeps it; if it must go, take a snapshot/backup first, or set retainOnDelete. Approve this finding by id only when the data is no longer needed.`,
          source: "rules",
        },
      ];
    });
  },
};
