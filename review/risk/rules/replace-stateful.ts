import { findingId, Finding } from "../finding";
import { assessDataLoss } from "../data-loss";
import { RiskRule } from "../risk-rule";

/** A replaced stateful resource is deleted and recreated empty. */
export const replaceStateful: RiskRule = {
  id: "replace-stateful",
  category: "data-loss",
  description: "A resource that holds data (database, cache, Kafka, bucket, table, file system, volume, repository, secret, key, cluster, PVC, namespace, CRD…) is replaced, i.e. deleted and recreated empty.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "replace") return [];
      const loss = assessDataLoss(change, context.stack.kind);
      if (!loss) return [];
      const { kind } = loss.outcome;
      const retained = change.retainOnDelete;
      const reasons = change.replaceReasons.length > 0 ? change.replaceReasons.join(", ") : "an input that forces replacement";
      const snapshot = kind.finalSnapshot;
      const snapshotId = snapshot ? change.oldInputs?.[snapshot.identifierInput] : undefined;
      const snapshotNote = snapshot && typeof snapshotId === "string" && change.oldInputs?.skipFinalSnapshot !== true ? ` (a final snapshot ${snapshotId} is taken)` : "";
      return [
        {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss",
          severity: retained ? "medium" : loss.severity,
          urns: [change.urn],
          title: retained
            ? `Replacing ${change.name} orphans the old ${kind.label} (retainOnDelete) and starts a new, empty one: ${reasons} changed`
            : `Replacing the ${kind.label} ${change.name}, because ${reasons} changed, ${loss.consequence}${loss.outcome.outcome === "loss" ? " and recreates it empty" : ""}${snapshotNote}`,
          evidence: [`op: replace (${change.steps.join(" → ")})`, `replace reasons: ${reasons}`, ...change.changedPaths.map((p) => `changed: ${p}`), ...loss.evidence],
          recommendation: `Keep ${reasons} unchanged (use ignoreChanges if it drifted), or migrate deliberately: snapshot ${change.name}, restore into a new resource, switch clients, then remove the old one. If the loss is intended, approve this finding by id.`,
          source: "rules",
        },
      ];
    });
  },
};
