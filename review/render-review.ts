import { StackReview } from "./review-stack";

/** `icna review --json`: the plan's resources plus one key per review section (the advisor adds the verdict). */
export function reviewToJson(review: StackReview): Record<string, unknown> {
  const { plan } = review.context;
  return {
    stack: review.context.stack,
    resources: plan.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      inputs: r.inputs,
      dependencies: r.dependencies,
      ...(r.propertyDependencies ? { propertyDependencies: r.propertyDependencies } : {}),
      protect: r.protect,
      custom: r.custom,
      remote: r.remote,
      ...(r.provider ? { provider: r.provider } : {}),
    })),
    outputs: plan.outputs,
    ...Object.fromEntries(review.sections.map((s) => [s.id, s.json])),
  };
}

/** The plan's sections; the caller prints the overall verdict once, after every reviewer (the advisor included). */
export function reviewToTerminal(review: StackReview): string {
  const { context } = review;
  const header = `ICNA review of stack "${context.stack}" (${context.config.environment}, ${context.config.region}) — offline: SDK mocks in preview mode, no credentials used`;
  return [header, "=".repeat(Math.min(header.length, 100)), ...review.sections.map((s) => `\n## ${s.title}\n${s.terminal}`)].join("\n");
}

export function reviewToMarkdown(review: StackReview): string {
  const { context } = review;
  return [
    `# ICNA review: \`${context.stack}\``,
    "",
    `Environment **${context.config.environment}** in **${context.config.region}**. Planned offline (Pulumi SDK mocks, preview mode): values AWS would compute are shown as \`[unknown]\`.`,
    ...review.sections.map((s) => `\n## ${s.title}\n\n${s.markdown}`),
    "",
  ].join("\n");
}
