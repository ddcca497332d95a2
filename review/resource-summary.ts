import { Change } from "./changes/change";
import { PlanValue } from "./plan/model";

/** A resource as it will be after the change: the `resources` entries of the review JSON. */
export interface ReviewResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Parent URN; null for the stack itself. */
  readonly parent: string | null;
  /** Inputs after the change, unknown and secret values as markers. */
  readonly inputs: Record<string, PlanValue>;
  readonly dependencies: readonly string[];
  readonly protect: boolean;
  /** True for provider-managed resources, false for components. */
  readonly custom: boolean;
  /** Provider reference `urn::id`, when one was chosen explicitly. */
  readonly provider?: string;
}

/** How many resources the stack has after the change, by type (most frequent first). */
export interface ResourceSummary {
  readonly total: number;
  readonly byType: Readonly<Record<string, number>>;
}

/** Every resource that exists after the change (deleted ones excluded), in the change's order; inputs the input format does not carry are `{}`. */
export function resourcesAfter(changes: readonly Change[]): ReviewResource[] {
  return changes
    .filter((c) => c.op !== "delete")
    .map((c) => ({
      urn: c.urn,
      type: c.type,
      name: c.name,
      parent: c.parent ?? null,
      inputs: c.newInputs ?? {},
      dependencies: c.dependencies,
      protect: c.protect.new === true,
      custom: c.custom,
      ...(c.provider ? { provider: c.provider } : {}),
    }));
}

/** Resource counts by type, most frequent first, then by type name. */
export function countByType(resources: readonly Pick<ReviewResource, "type">[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export function summarise(resources: readonly ReviewResource[]): ResourceSummary {
  return { total: resources.length, byType: Object.fromEntries(countByType(resources).map((c) => [c.type, c.count])) };
}
