import { ReviewResource } from "../resource-summary";

type TreeResource = Pick<ReviewResource, "urn" | "type" | "name" | "parent" | "protect" | "custom">;

/** The component tree of the resources as indented text: components with their children, leaves summarised by type. */
export function renderComponentTree(resources: readonly TreeResource[], maxLeavesPerType = 3): string {
  const children = new Map<string, TreeResource[]>();
  for (const resource of resources) {
    if (!resource.parent) continue;
    children.set(resource.parent, [...(children.get(resource.parent) ?? []), resource]);
  }
  const root = resources.find((r) => !r.parent);
  if (!root) return "(no resources)";
  const lines: string[] = [];
  const walk = (resource: TreeResource, indent: string) => {
    const kids = children.get(resource.urn) ?? [];
    const flags = [!resource.custom && kids.length === 0 && resource.parent ? "component" : "", resource.protect ? "protected" : ""].filter(Boolean).join(", ");
    lines.push(`${indent}${resource.name} (${resource.type})${flags ? ` [${flags}]` : ""}`);
    const components = kids.filter((k) => !k.custom || children.has(k.urn));
    const leaves = kids.filter((k) => k.custom && !children.has(k.urn));
    for (const component of components) walk(component, indent + "  ");
    const byType = new Map<string, TreeResource[]>();
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
