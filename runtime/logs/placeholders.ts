/** The kinds of variable a log message carries, each shown in templates as `<KIND>`. */
export type PlaceholderKind = "UUID" | "URL" | "IP" | "PATH" | "HEX" | "NUM";

/** The generic placeholder for a position whose values differ in kind or are not recognised. */
export const WILDCARD = "<*>";

/** One whitespace-separated token of a message, with its recognised variables replaced by placeholders. */
export interface MaskedToken {
  /** The token with every recognised value replaced by `<KIND>`, e.g. `blk_<NUM>`. */
  readonly masked: string;
  /** The token as written. */
  readonly raw: string;
  /** The values the placeholders in `masked` stand for, in order. */
  readonly values: readonly string[];
  /** True when the token holds a typed placeholder; tokens like `eth0` are words until they vary too much. */
  readonly variable: boolean;
  /**
   * True for a word that is part of a value, so that its change is a change of value: a unit right
   * after a number (`5.2 KB`, `93.0 B`) or a weekday or month name (`Fri Jul 01 08:16:53`).
   */
  readonly valueWord?: boolean;
}

/** Units of size and duration, as written after a number (`KB`, `ms`) or joined to it (`10000ms`). */
const UNIT = String.raw`(?:[KMGTP]i?B|B|bytes|ms|us|µs|ns|s|secs?|seconds|mins?|minutes|h|hrs?|hours)`;
const UNIT_WORD = new RegExp(String.raw`^${UNIT}[,;:.)\]]*$`);
const CALENDAR_WORD = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[,.]?$/;

interface Rule {
  readonly kind: PlaceholderKind;
  readonly pattern: string;
}

/**
 * Ordered: earlier kinds win where patterns overlap (a UUID is not read as hex and numbers). A port
 * is a value of its own: `10.0.0.1:8080` is `<IP>:<NUM>`; a unit joined to a number stays: `10000ms` is `<NUM>ms`.
 */
const RULES: readonly Rule[] = [
  {
    kind: "UUID",
    pattern: String.raw`\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`,
  },
  { kind: "URL", pattern: String.raw`\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s"'<>]*[^\s"'<>)\],.;:]` },
  { kind: "IP", pattern: String.raw`(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])` },
  { kind: "PATH", pattern: String.raw`(?<![\w.:/])(?:/[\w.@%+~-]+){2,}/?|\b[A-Za-z]:\\[^\s"'<>]+|\\\\[^\s"'<>]+` },
  {
    kind: "HEX",
    pattern: String.raw`\b0[xX][0-9a-fA-F]+\b|(?<![\w.-])(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}(?![\w.-])`,
  },
  { kind: "NUM", pattern: String.raw`(?<![A-Za-z0-9]|\d\.)-?\d+(?:\.\d+)*(?=${UNIT}?(?![A-Za-z0-9]))` },
];

const COMBINED = new RegExp(RULES.map((r) => `(${r.pattern})`).join("|"), "g");
/** Every value kind has a digit or a path separator: tokens without either are words. */
const MAY_HOLD_VALUE = /[\d/\\]/;

/** Replaces the recognised values of one token, keeping them as parameters. */
export function maskToken(raw: string): MaskedToken {
  if (!MAY_HOLD_VALUE.test(raw)) return { masked: raw, raw, values: [], variable: false };
  const values: string[] = [];
  const masked = raw.replace(COMBINED, (match: string, ...groups: unknown[]) => {
    const index = groups.findIndex((g, i) => i < RULES.length && g !== undefined);
    values.push(match);
    return `<${RULES[index].kind}>`;
  });
  return { masked, raw, values, variable: values.length > 0 };
}

/**
 * Splits a message on whitespace and masks each token. A run of tokens that mask the same way
 * (`blk_1 blk_2 blk_3`) is one token: a list of values of one kind, whatever its length. Numbers
 * and hex numbers count as one kind there (`0064588e 00000002` is one list of hex words).
 */
export function maskMessage(message: string): MaskedToken[] {
  const out: MaskedToken[] = [];
  for (const raw of message.split(/\s+/)) {
    if (raw === "") continue;
    let token = maskToken(raw);
    const previous = out[out.length - 1];
    if (!token.variable && ((previous?.masked.endsWith("<NUM>") && UNIT_WORD.test(raw)) || CALENDAR_WORD.test(raw)))
      token = { ...token, valueWord: true };
    if (token.variable && previous?.variable && sameKind(previous.masked, token.masked)) {
      out[out.length - 1] = {
        masked: previous.masked === token.masked ? token.masked : WILDCARD,
        raw: `${previous.raw} ${raw}`,
        values: [...previous.values, ...token.values],
        variable: true,
      };
    } else out.push(token);
  }
  return out;
}

function sameKind(a: string, b: string): boolean {
  return a === b || a.replace(HEX_PLACEHOLDER, "<NUM>") === b.replace(HEX_PLACEHOLDER, "<NUM>");
}
const HEX_PLACEHOLDER = /<HEX>/g;
