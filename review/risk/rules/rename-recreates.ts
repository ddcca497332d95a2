import { Change } from "../../changes/change";
import { UNKNOWN } from "../../plan/model";
import { findingId } from "../finding";
import { RiskRule } from "../risk-rule";
import { statefulKind } from "../../../policies/knowledge/stateful-types";

/**
 * A resource whose URN changed (new name or new parent) without an alias shows up as a delete of
 * the old URN and a create of the new one: Pulumi destroys the real resource and builds a new one.
 */
export const renameRecreates: RiskRule = {
  id: "rename-recreates",
  category: "data-loss",
  description: "A delete and a create of the same type look like a rename or a move to another parent without an alias.",
  evaluate(context) {
    const creates = context.changes.filter((c) => c.op === "create");
    const usedCreates = new Set<string>();
    return context.changes
      .filter((c) => c.op === "delete")
      .flatMap((deleted) => {
        const twin = creates.find((c) => !usedCreates.has(c.urn) && c.type === deleted.type && looksLikeSameResource(deleted, c));
        if (!twin) return [];
        usedCreates.add(twin.urn);
        const kind = statefulKind(deleted.type);
        const movedOnly = deleted.name === twin.name;
        const category = kind ? ("data-loss" as const) : ("downtime" as const);
        return [
          {
            id: findingId(category, this.id, [deleted.urn, twin.urn]),
            category,
            severity: kind ? ("critical" as const) : ("medium" as const),
            urns: [deleted.urn, twin.urn],
            title: `${movedOnly ? `Moving ${deleted.name} under another parent` : `Renaming ${deleted.name} to ${twin.name}`} deletes and recreates it${kind ? `, and with it ${kind.loses}` : ""}: no alias links the old URN to the new one`,
            evidence: [`delete: ${deleted.urn}`, `create: ${twin.urn}`],
            recommendation: `Add \`aliases: [${JSON.stringify(deleted.urn)}]\` (or { name, parent } aliases) to ${twin.name}'s resource options so Pulumi keeps the existing resource.`,
            source: "rules" as const,
          },
        ];
      });
  },
};

function looksLikeSameResource(deleted: Change, created: Change): boolean {
  if (deleted.name === created.name) return true;
  const physical = (change: Change, inputs: Change["oldInputs"]) => inputs?.name ?? inputs?.identifier ?? inputs?.bucket ?? inputs?.clusterName ?? change.name;
  const before = physical(deleted, deleted.oldInputs);
  return typeof before === "string" && before !== UNKNOWN && before === physical(created, created.newInputs);
}
