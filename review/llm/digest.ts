import { PlanValue } from "../plan/model";
import { Change, NO_OP_OPS } from "../changes/change";
import { valueAt } from "../changes/property-paths";
import { Finding } from "../risk/finding";
import { redactText, redactValue } from "./redact";

/** One change as the LLM sees it: what happens, where, and the new values at the changed paths (redacted). */
export interface DigestChange {
  readonly urn: string;
  readonly type: string;
  readonly op: string;
  readonly changed: Record<string, PlanValue>;
  readonly replaceReasons: string[];
}

/** One deterministic finding as the LLM sees it. */
export interface DigestFinding {
  readonly id: string;
  readonly category: string;
  readonly severity: string;
  readonly urns: string[];
  readonly title: string;
}

export interface Digest {
  readonly stack: { readonly name: string; readonly kind: string };
  readonly counts: Record<string, number>;
  readonly changes: DigestChange[];
  readonly findings: DigestFinding[];
}

const MAX_PATHS = 20;
const MAX_VALUE_CHARS = 300;

function shorten(value: PlanValue | undefined): PlanValue {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length <= MAX_VALUE_CHARS ? value : `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} chars)`;
}

function digestChange(change: Change): DigestChange {
  const paths = change.changedPaths.length > 0 ? change.changedPaths : Object.keys(change.newInputs ?? change.oldInputs ?? {});
  const changed: Record<string, PlanValue> = {};
  for (const path of paths.slice(0, MAX_PATHS)) {
    const leafKey = path.split(/[.[\]"]+/).filter(Boolean).pop() ?? path;
    changed[path] = shorten(redactValue(valueAt(change.newInputs ?? change.oldInputs, path), leafKey));
  }
  if (paths.length > MAX_PATHS) changed["…"] = `${paths.length - MAX_PATHS} more paths`;
  return { urn: change.urn, type: change.type, op: change.op, changed, replaceReasons: [...change.replaceReasons] };
}

function digestFinding(finding: Finding): DigestFinding {
  return { id: finding.id, category: finding.category, severity: finding.severity, urns: finding.urns.slice(0, 10), title: redactText(finding.title) };
}

/** Rough token count of a JSON text (≈ 4 characters per token for JSON-heavy English). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The compact, redacted view of a review for the LLM, split so each part fits the token budget:
 * changes that do nothing are left out; each part carries the findings about its own resources,
 * the first part also those about no resource.
 */
export function buildDigests(changes: readonly Change[], findings: readonly Finding[], stack: Digest["stack"], tokenBudget: number): Digest[] {
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.op] = (counts[c.op] ?? 0) + 1;
  const relevant = changes.filter((c) => !NO_OP_OPS.has(c.op) || c.protect.old !== c.protect.new).map(digestChange);
  const all = findings.map(digestFinding);
  const parts: DigestChange[][] = [[]];
  let used = 0;
  for (const entry of relevant) {
    const size = estimateTokens(JSON.stringify(entry)) + 40;
    if (used + size > tokenBudget && parts[parts.length - 1].length > 0) {
      parts.push([]);
      used = 0;
    }
    parts[parts.length - 1].push(entry);
    used += size;
  }
  return parts.map((part, i) => {
    const urns = new Set(part.map((c) => c.urn));
    return { stack, counts, changes: part, findings: all.filter((f) => f.urns.some((u) => urns.has(u)) || (i === 0 && f.urns.length === 0)) };
  });
}
