import { correctTemplate } from "./corrected-template";

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
  return mergeRuns(template.replace(PLACEHOLDER, "<*>")).replace(/\s+/g, " ").trim();
}

/**
 * The form templates are compared in against the corrected ground truth: placeholders read as
 * `<*>`, then Khan et al.'s correction rules (the ones that produced that ground truth), then runs
 * of `<*>` as one.
 */
export function normaliseCorrectedTemplate(template: string): string {
  return mergeRuns(correctTemplate(template.replace(PLACEHOLDER, "<*>")));
}

/**
 * How templates are compared: `plain` (original ground truth) or `corrected` (the corrected ground
 * truth, both sides through its correction rules).
 */
export type TemplateComparison = "plain" | "corrected";

/** Parsing accuracy: the share of lines whose template equals the ground truth's, both normalised. */
export function parsingAccuracy(lines: readonly ParsedLine[], comparison: TemplateComparison = "plain"): number {
  if (lines.length === 0) return 0;
  const normalise = comparison === "plain" ? normaliseTemplate : normaliseCorrectedTemplate;
  return lines.filter((l) => normalise(l.template) === normalise(l.truth)).length / lines.length;
}

const PLACEHOLDER = /<[A-Z*]+>/g;

function mergeRuns(template: string): string {
  return template.replace(/(<\*>)(\s*<\*>)+/g, "<*>");
}
