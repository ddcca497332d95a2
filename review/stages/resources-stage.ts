import { countByType, renderComponentTree } from "../plan/component-tree";
import { ReviewContext, ReviewSection, ReviewStage } from "../review-stage";

/** The component tree and the resources by type. */
export const resourcesStage: ReviewStage = {
  id: "summary",
  async run({ plan }: ReviewContext): Promise<ReviewSection> {
    const counts = countByType(plan);
    const total = plan.resources.length;
    const width = Math.max(...counts.map((c) => c.type.length));
    const table = counts.map((c) => `  ${c.type.padEnd(width)}  ${String(c.count).padStart(4)}`).join("\n");
    return {
      id: "summary",
      title: "Resources",
      terminal: `Component tree:\n${renderComponentTree(plan)}\n\nResources by type (${total} in all):\n${table}`,
      markdown:
        `**${total} resources** in the offline plan.\n\n| Type | Count |\n|---|---:|\n${counts.map((c) => `| \`${c.type}\` | ${c.count} |`).join("\n")}\n\n` +
        `<details><summary>Component tree</summary>\n\n\`\`\`\n${renderComponentTree(plan)}\n\`\`\`\n</details>`,
      json: { total, byType: Object.fromEntries(counts.map((c) => [c.type, c.count])) },
    };
  },
};
