import type { HeaderParser, LogHeader } from "./log-entry";

/** Severity words, as a bare token (upper or capitalised) or in brackets (any case). */
const LEVEL =
  /^(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|SEVERE|FATAL|CRIT|CRITICAL|ALERT|EMERG|FAILURE|Trace|Debug|Info|Notice|Warn|Warning|Error|Severe|Fatal|Critical)[:,]?$/;
const BRACKET_LEVEL =
  /^\[?(trace|debug|info|notice|warn|warning|error|err|severe|fatal|crit|critical|alert|emerg)\]?[:,]?$/i;
const DATE =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\/\d{1,2}\/\d{2,4})(?:[T-]\d{1,2}[:.]\d{2}[:.]\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?[,]?$/;
const TIME = /^\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?[,]?$/;
const EPOCH = /^\d{9,10}(?:\.\d+)?$|^\d{13}$/;
const CALENDAR_WORD = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*,?$/;
/** Tokens a header field can be before the level: numbers, host and node ids, dotted names, short upper-case words, "-". */
const FIELD = /^(-|\d+|[A-Z][A-Z0-9_]{1,15}|[\w$@/:-]*[\d._:][\w.$@/:-]*)$/;
/** A component name closing the header: an identifier ending with ":" (`dfs.DataNode$PacketResponder:`, `app:`). */
const COMPONENT = /^[A-Za-z_$][\w.$@/()[\]-]{0,120}:$/;
/** A component that cannot be a message's first word: a qualified logger name or a program with its pid (`sshd[812]:`). */
const NAMED_COMPONENT = /^[A-Za-z_$][\w$@/()-]*(?:(?:[.$][\w$@/()-]+)+|\[\d+\]):$/;
/** An upper-case word among the fields before the level (`RAS KERNEL FATAL`): a facility that already names the source. */
const FACILITY = /^[A-Z][A-Z_]{2,15}$/;
/** A qualified component name (`org.apache.hadoop.ipc.Server:`), which can follow a thread name with spaces in it. */
const QUALIFIED_COMPONENT = /^[A-Za-z_$][\w$-]*(?:[.$][\w$-]+)+:$/;
const SHORT_NUMBER = /^-?\d{1,3}$/;
const MAX_HEADER_TOKENS = 14;
/** Without a level, the header ends at its last timestamp field, which must be among the first tokens. */
const MAX_TIMESTAMP_POSITION = 8;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokenise(line: string, limit: number): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while (tokens.length < limit && (m = re.exec(line)) !== null)
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** A bracketed group starting at token i, possibly spanning tokens and nesting: its text and the index after it. */
function bracketGroup(
  line: string,
  tokens: readonly Token[],
  i: number,
): { inner: string; next: number; spaced: boolean } | undefined {
  if (!tokens[i].text.startsWith("[")) return undefined;
  let depth = 0;
  const from = tokens[i].start;
  for (let p = from; p < line.length; p++) {
    const c = line[p];
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) {
      let next = i;
      while (next < tokens.length && tokens[next].start <= p) next++;
      if (next > 0 && tokens[next - 1].end !== p + 1 && !/^[:,]$/.test(line.slice(p + 1, tokens[next - 1].end)))
        return undefined;
      const inner = line.slice(from + 1, p);
      return { inner, next, spaced: /\s/.test(inner) };
    }
  }
  return undefined;
}

function isTimeToken(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) return DATE.test(text) || TIME.test(text) || EPOCH.test(text);
  return c >= 65 && c <= 90 && CALENDAR_WORD.test(text);
}

/**
 * Finds the header of a line without being told its format: leading timestamp fields, header fields
 * (ids, numbers, upper-case words) before a severity word, then a thread in brackets, a component
 * (`name:` or a column followed by a run of spaces) and "-" separators. A thread in brackets may
 * hold spaces when a component or a "-" separator follows it. A bare `word:` after the level is the
 * component only when nothing named the source yet (no facility word such as `KERNEL` before the
 * level, no thread or logger in brackets): `RAS KERNEL FATAL ciod: …` keeps `ciod:` in the message.
 * Without a level, only a qualified name or `program[pid]:` is a component. A line with neither a
 * timestamp nor a level has no header.
 */
export const detectHeader: HeaderParser = (line) => {
  const tokens = tokenise(line, MAX_HEADER_TOKENS + 4);
  const timestamp: string[] = [];
  let level: string | undefined;
  let component: string | undefined;
  let facility = false;
  let i = 0;

  while (i < tokens.length && i < MAX_HEADER_TOKENS) {
    const text = tokens[i].text;
    if (LEVEL.test(text)) {
      level = text.replace(/[:,]$/, "");
      i++;
      break;
    }
    const group = text.startsWith("[") ? bracketGroup(line, tokens, i) : undefined;
    if (group) {
      if (BRACKET_LEVEL.test(group.inner)) {
        level = group.inner;
        i = group.next;
        break;
      }
      if (group.inner.split(/\s+/).some(isTimeToken)) {
        timestamp.push(group.inner);
        i = group.next;
        continue;
      }
      break;
    }
    if (isTimeToken(text)) {
      timestamp.push(text.replace(/,$/, ""));
      i++;
      continue;
    }
    if (FIELD.test(text)) {
      facility ||= FACILITY.test(text);
      i++;
      continue;
    }
    break;
  }
  if (level === undefined) return withoutLevel(line, tokens);
  // After the level: brackets without spaces (thread, logger), "-", then at most one component.
  while (i < tokens.length) {
    const text = tokens[i].text;
    if (text === "-") {
      i++;
      continue;
    }
    const group = bracketGroup(line, tokens, i);
    const after = tokens[group?.next ?? i]?.text ?? "";
    if (group && (!group.spaced || after === "-" || QUALIFIED_COMPONENT.test(after))) {
      component ??= group.inner;
      i = group.next;
      continue;
    }
    break;
  }
  if (i < tokens.length - 1) {
    const token = tokens[i];
    const gap = tokens[i + 1].start - token.end;
    const sourceNamed = facility || component !== undefined;
    if (NAMED_COMPONENT.test(token.text) || (!sourceNamed && COMPONENT.test(token.text))) {
      component = token.text.slice(0, -1);
      i++;
    } else if (gap >= 2 && /^[\w.$-]+$/.test(token.text)) {
      component = token.text;
      i++;
    }
    if (i < tokens.length && tokens[i].text === "-") i++;
  }
  const header: LogHeader = {
    ...(timestamp.length > 0 ? { timestamp: timestamp.join(" ") } : {}),
    level,
    ...(component ? { component } : {}),
  };
  return finish(line, tokens, i, header);
};

/**
 * A header without a level (e.g. `134681 node-246 unix.hw state_change.unavailable 1077804742 1 …`):
 * every field up to the last timestamp among the first tokens, then short numeric flags and a `name:` component.
 */
function withoutLevel(line: string, tokens: readonly Token[]): { header: LogHeader; message: string } | undefined {
  const timestamp: string[] = [];
  let end = -1;
  for (let i = 0; i < tokens.length && i < MAX_TIMESTAMP_POSITION; i++) {
    const group = bracketGroup(line, tokens, i);
    if (group && group.inner.split(/\s+/).some(isTimeToken)) {
      timestamp.push(group.inner);
      end = group.next;
      i = group.next - 1;
    } else if (isTimeToken(tokens[i].text)) {
      timestamp.push(tokens[i].text.replace(/,$/, ""));
      end = i + 1;
    }
  }
  if (end < 0 || end >= tokens.length) return undefined;
  const first = tokens[0].text;
  if (!isTimeToken(first) && !FIELD.test(first) && !first.startsWith("[")) return undefined;
  while (end < tokens.length - 1 && SHORT_NUMBER.test(tokens[end].text)) end++;
  let component: string | undefined;
  if (end < tokens.length - 1 && NAMED_COMPONENT.test(tokens[end].text)) component = tokens[end++].text.slice(0, -1);
  return finish(line, tokens, end, { timestamp: timestamp.join(" "), ...(component ? { component } : {}) });
}

function finish(
  line: string,
  tokens: readonly Token[],
  end: number,
  header: LogHeader,
): { header: LogHeader; message: string } {
  const message =
    end < tokens.length ? line.slice(tokens[end].start) : line.slice(end > 0 ? tokens[end - 1].end : 0).trim();
  return { header, message };
}
