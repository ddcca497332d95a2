import { findingId, Finding } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../stateful-types";
import { worseningConditions } from "../worsening-conditions";

/** A replaced stateful resource is deleted and recreated empty. */
export const replaceStateful: RiskRule = {
  id: "replace-stateful",
  category: "data-loss",
  description: "A stateful resource (database, cache, Kafka, volume, key, cluster, PVC, namespace, CRD) is replaced, i.e. deleted and recreated empty.",
  evaluate(context) {
    return context.changes.flatMap((change): Finding[] => {
      if (change.op !== "replace") return [];
      const kind = statefulKind(change.type, change.oldInputs, change.newInputs);
      if (!kind) return [];
      const conditions = worseningConditions(change);
      const retained = change.retainOnDelete;
      const reasons = change.replaceReasons.length > 0 ? change.replaceReasons.join(", ") : "an input that forces replacement";
      const snapshotNote = kind.finalSnapshot && !conditions.some((c) => c.startsWith("skipFinalSnapshot")) ? " (a final snapshot is taken if the provider is configured for it)" : "";
      return [
        {
          id: findingId("data-loss", this.id, [change.urn]),
          category: "data-loss",
          severity: retained ? "medium" : conditions.length > 0 ? "critical" : "high",
          urns: [change.urn],
          title: retained
            ? `Replacing ${change.name} orphans the old ${kind.label} (retainOnDelete) and starts a new, empty one: ${reasons} changed`
            : `Replacing ${change.name} deletes ${kind.loses}: the ${kind.label} is destroyed and recreated empty because ${reasons} changed${snapshotNote}`,
          evidence: [`op: replace (${change.steps.join(" → ")})`, `replace reasons: ${reasons}`, ...change.changedPaths.map((p) => `changed: ${p}`), ...conditions],
          recommendation: `Keep ${reasons} unchanged (use ignoreChanges if it drifted), or migrate deliberately: snapshot ${change.name}, restore into a new resource, switch clients, then remove the old one. If the loss is intended, approve this finding by id.`,
          source: "rules",
        },
      ];
    });
  },
};
