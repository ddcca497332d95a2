import { OfflinePlan, PlanResource } from "./model";

/** The component tree of a plan as indented text: components with their children, leaves summarised by type. */
export function renderComponentTree(plan: OfflinePlan, maxLeavesPerType = 3): string {
  const children = new Map<string, PlanResource[]>();
  for (const resource of plan.resources) {
    if (!resource.parent) continue;
    children.set(resource.parent, [...(children.get(resource.parent) ?? []), resource]);
  }
  const root = plan.resources.find((r) => !r.parent);
  if (!root) return "(empty plan)";
  const lines: string[] = [];
  const walk = (resource: PlanResource, indent: string) => {
    const kids = children.get(resource.urn) ?? [];
    const flags = [resource.remote ? "remote component" : "", resource.protect ? "protected" : ""].filter(Boolean).join(", ");
    lines.push(`${indent}${resource.name} (${resource.type})${flags ? ` [${flags}]` : ""}`);
    const components = kids.filter((k) => !k.custom || children.has(k.urn));
    const leaves = kids.filter((k) => k.custom && !children.has(k.urn));
    for (const component of components) walk(component, indent + "  ");
    const byType = new Map<string, PlanResource[]>();
    for (const leaf of leaves) byType.set(leaf.type, [...(byType.get(leaf.type) ?? []), leaf]);
    for (const [type, group] of byType) {
      const names = group.slice(0, maxLeavesPerType).map((g) => g.name).join(", ");
      const more = group.length > maxLeavesPerType ? `, … +${group.length - maxLeavesPerType}` : "";
      lines.push(`${indent}  ${group.length}× ${type}: ${names}${more}`);
    }
  };
  walk(root, "");
  return lines.join("\n");
}

/** Resource counts by type, most frequent first. */
export function countByType(plan: OfflinePlan): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}
