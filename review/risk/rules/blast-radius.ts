import { findingId } from "../finding";
import { RiskRule } from "../risk-rule";

/** Dependents at or above these counts make a replace/delete a wide change. */
export const BLAST_RADIUS_MEDIUM = 5;
export const BLAST_RADIUS_HIGH = 20;
/** Counting stops here: beyond it the exact number changes nothing, and the walk stays linear. */
const COUNT_LIMIT = 500;

/** Replacing or deleting something many resources depend on ripples through all of them. */
export const blastRadius: RiskRule = {
  id: "blast-radius",
  category: "downtime",
  description: `A replaced or deleted resource has ${BLAST_RADIUS_MEDIUM}+ resources depending on it (directly, transitively, or as children).`,
  evaluate(context) {
    return context.changes
      .filter((change) => change.op === "replace" || change.op === "delete")
      .flatMap((change) => {
        const dependents = context.dependentsOf(change.urn, COUNT_LIMIT);
        const count = dependents.length >= COUNT_LIMIT ? `${COUNT_LIMIT}+` : String(dependents.length);
        if (dependents.length < BLAST_RADIUS_MEDIUM) return [];
        const touched = dependents.filter((urn) => {
          const op = context.byUrn.get(urn)?.op;
          return op === "replace" || op === "delete" || op === "update";
        });
        const shown = dependents.slice(0, 5).map((u) => context.nameOf(u)).join(", ");
        return [
          {
            id: findingId("downtime", this.id, [change.urn]),
            category: "downtime" as const,
            severity: dependents.length >= BLAST_RADIUS_HIGH ? ("high" as const) : ("medium" as const),
            urns: [change.urn, ...dependents],
            title: `${change.op === "replace" ? "Replacing" : "Deleting"} ${change.name} reaches ${count} resources that depend on it (${shown}${dependents.length > 5 ? ", …" : ""})`,
            evidence: [`dependents: ${count}`, `of which changed in this preview: ${touched.length}`],
            recommendation: `Check that every dependent tolerates ${change.name} disappearing (new ids, endpoints, ARNs); stage the change (create the new one alongside, move dependents, then remove the old one).`,
            source: "rules" as const,
          },
        ];
      });
  },
};
