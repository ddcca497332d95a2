/** One line as a parser saw it and as the ground truth has it. */
export interface ParsedLine {
  /** The parser's group (pattern id). */
  readonly predicted: string;
  /** The parser's template, placeholders written `<*>` or `<KIND>`. */
  readonly template: string;
  /** The ground-truth event id. */
  readonly event: string;
  /** The ground-truth template. */
  readonly truth: string;
}

/**
 * Grouping accuracy as logparser's evaluator defines it: a line counts when the set of lines in its
 * predicted group equals the set of lines of its ground-truth event.
 */
export function groupingAccuracy(lines: readonly ParsedLine[]): number {
  const byPredicted = new Map<string, ParsedLine[]>();
  const eventSize = new Map<string, number>();
  for (const line of lines) {
    byPredicted.set(line.predicted, [...(byPredicted.get(line.predicted) ?? []), line]);
    eventSize.set(line.event, (eventSize.get(line.event) ?? 0) + 1);
  }
  let right = 0;
  for (const members of byPredicted.values()) {
    const event = members[0].event;
    if (members.every((m) => m.event === event) && eventSize.get(event) === members.length) right += members.length;
  }
  return lines.length === 0 ? 0 : right / lines.length;
}

/** Placeholders of any kind read as `<*>`, runs of them as one, spaces collapsed: the form templates are compared in. */
export function normaliseTemplate(template: string): string {
  return template
    .replace(/<[A-Z*]+>/g, "<*>")
    .replace(/(<\*>)(\s*<\*>)+/g, "<*>")
    .replace(/\s+/g, " ")
    .trim();
}

/** Parsing accuracy: the share of lines whose template equals the ground truth's, both normalised. */
export function parsingAccuracy(lines: readonly ParsedLine[]): number {
  if (lines.length === 0) return 0;
  return lines.filter((l) => normaliseTemplate(l.template) === normaliseTemplate(l.truth)).length / lines.length;
}
