import { PreviewInputError, positionOf } from "./preview-input-error";

/** One JSON value of a stream and where it started. */
export interface StreamValue {
  readonly value: unknown;
  readonly offset: number;
}

/**
 * Parses a stream of concatenated JSON values: one per line (JSONL, what `--event-log` writes) or
 * pretty-printed one after another. A malformed value fails with its line and column.
 */
export function parseJsonStream(text: string, label: string): StreamValue[] {
  const start = skipWhitespace(text, 0);
  if (start < text.length && (text[start] === "{" || text[start] === "[")) {
    try {
      return [{ value: JSON.parse(text), offset: start }];
    } catch {
      // Several values, or a malformed one: split and parse each to find out which and where.
    }
  }
  const values: StreamValue[] = [];
  let i = skipWhitespace(text, 0);
  while (i < text.length) {
    const end = endOfValue(text, i, label);
    const slice = text.slice(i, end);
    values.push({ value: parseAt(slice, text, i, label), offset: i });
    i = skipWhitespace(text, end);
  }
  return values;
}

/** Parses a whole document as one JSON value, with a positioned error. */
export function parseJsonDocument(text: string, label: string): unknown {
  const start = skipWhitespace(text, 0);
  if (start >= text.length) throw new PreviewInputError(`${label} is empty: expected a Pulumi preview (JSON) or an engine event log`);
  return parseAt(text, text, 0, label);
}

function parseAt(slice: string, whole: string, base: number, label: string): unknown {
  try {
    return JSON.parse(slice);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = base + (at ? Number(at[1]) : 0);
    const { line, column } = positionOf(whole, offset);
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    throw new PreviewInputError(`${label}:${line}:${column}: malformed JSON (${reason}); the file must be the unmodified output of \`pulumi preview --json\` or \`--event-log\``);
  }
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** The end offset (exclusive) of the JSON value starting at `start`, matching brackets outside strings. */
function endOfValue(text: string, start: number, label: string): number {
  const first = text[start];
  if (first !== "{" && first !== "[") {
    let i = start;
    if (first === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      return Math.min(i + 1, text.length);
    }
    while (i < text.length && !/[\s{[]/.test(text[i])) i++;
    return i;
  }
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  const { line, column } = positionOf(text, start);
  throw new PreviewInputError(`${label}:${line}:${column}: a JSON value starts here but never ends (truncated file?); re-run the preview and keep its whole output`);
}
