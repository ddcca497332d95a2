import { StackKind } from "../../model";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { INSTANCE_TYPE_FIELDS, instanceTypesOf } from "../../support/instance-fields";
import { parseInstanceType } from "../../support/instance-types";

/**
 * Instance categories each stack kind may use, with the oldest generation allowed. General purpose (m),
 * compute (c) and memory (r) families of generation 5 and later everywhere; burstable (t) only in dev,
 * where sustained load does not exhaust CPU credits. Anything else (GPU, storage-dense, x/z) needs a
 * deliberate exception.
 */
export const ALLOWED_FAMILIES: Readonly<Record<StackKind, Readonly<Record<string, number>>>> = {
  dev: { m: 5, c: 5, r: 5, t: 3 },
  prod: { m: 5, c: 5, r: 5 },
  dr: { m: 5, c: 5, r: 5 },
};

function describeAllowed(kind: StackKind): string {
  return Object.entries(ALLOWED_FAMILIES[kind])
    .map(([category, generation]) => `${category}${generation}+`)
    .join(", ");
}

export const costAllowedInstanceFamilies: ResourceRule = {
  scope: "resource",
  name: "cost-allowed-instance-families",
  area: "cost",
  description: "Compute, database, cache and broker instances use current-generation m/c/r families (t burstables only in dev).",
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: Object.keys(INSTANCE_TYPE_FIELDS),
  remediation: "Pick a current-generation general-purpose, compute or memory family (e.g. m7g, c7i, r7g, db.r7g, cache.r7g, kafka.m7g).",
  evaluate(resource, ctx) {
    const allowed = ALLOWED_FAMILIES[ctx.stack.kind];
    return instanceTypesOf(resource).flatMap((text) => {
      const type = parseInstanceType(text);
      if (!type) return [violation(`${label(resource)} uses "${text}", which is not an instance type such as m7g.large`)];
      const minimum = allowed[type.category];
      if (minimum !== undefined && type.generation >= minimum) return [];
      const why =
        minimum === undefined
          ? type.category === "t"
            ? "burstable instances run out of CPU credits under sustained production load"
            : `the ${type.category} family is not on the ${ctx.stack.kind} list`
          : `generation ${type.generation} is previous-generation (slower and dearer per vCPU)`;
      return [violation(`${label(resource)} uses ${text}: ${why}; ${ctx.stack.kind} allows ${describeAllowed(ctx.stack.kind)}`)];
    });
  },
};
