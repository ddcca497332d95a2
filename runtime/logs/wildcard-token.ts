import { WILDCARD } from "./placeholders";

/** Punctuation that may stay around a variable (`'<*>'`, `<*>,`, `[<*>]`, `<*>.dat`); no `<`/`>`, which placeholders use. */
const AFFIX_PUNCTUATION = new Set("[](){}'\",;:=/_.@#-|!?");

/** A template token standing for values: `<*>`, possibly between constant punctuation such as `'<*>',`. */
export function isWildcard(token: string): boolean {
  return token.includes(WILDCARD);
}

/** The constant text before and after the `<*>` of a wildcard token. */
function affixesOf(wildcard: string): { prefix: string; suffix: string } {
  const at = wildcard.indexOf(WILDCARD);
  return { prefix: wildcard.slice(0, at), suffix: wildcard.slice(at + WILDCARD.length) };
}

/** Whether a masked token fits a wildcard token's constant prefix and suffix. */
export function fitsWildcard(wildcard: string, masked: string): boolean {
  const { prefix, suffix } = affixesOf(wildcard);
  return masked.length >= prefix.length + suffix.length && masked.startsWith(prefix) && masked.endsWith(suffix);
}

function literalParts(token: string): { head: string; tail: string } {
  if (!isWildcard(token)) return { head: token, tail: token };
  const { prefix, suffix } = affixesOf(token);
  return { head: prefix, tail: suffix };
}

/**
 * The wildcard token for a position whose tokens (masked, or wildcard tokens already) differ: `<*>`
 * between the punctuation they all start and end with, so no part of a word or value is kept
 * (`SOFTWARE,` and `SYSTEM,` give `<*>,`; `'C:\a'` and `'D:\b'` give `'<*>'`; `blk_1` and `blk_x` give `<*>`).
 */
export function widenToken(tokens: Iterable<string>): string {
  let prefix: string | undefined;
  let suffix: string | undefined;
  let shortest = Infinity;
  for (const token of tokens) {
    const { head, tail } = literalParts(token);
    shortest = Math.min(shortest, isWildcard(token) ? head.length + tail.length : token.length);
    prefix = prefix === undefined ? head : commonPrefix(prefix, head);
    suffix = suffix === undefined ? tail : commonSuffix(suffix, tail);
  }
  let tail = cutSuffix(suffix ?? "");
  let head = dropUnclosed(cutPrefix(prefix ?? ""), tail);
  if (head.length + tail.length > shortest) tail = "";
  if (head.length > shortest) head = "";
  return `${head}${WILDCARD}${tail}`;
}

/** The value a raw token holds at a wildcard token: the token without the wildcard's literal prefix and suffix. */
export function wildcardValue(wildcard: string, raw: string): string {
  const { prefix, suffix } = affixesOf(wildcard);
  if (raw.length < prefix.length + suffix.length || !raw.startsWith(prefix) || !raw.endsWith(suffix)) return raw;
  return raw.slice(prefix.length, raw.length - suffix.length);
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function commonSuffix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return a.slice(a.length - i);
}

const CLOSER: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

/** A prefix without the opening brackets at its end that the suffix does not close (`'{<*>'` is `'<*>'`). */
function dropUnclosed(head: string, tail: string): string {
  let out = head;
  while (
    out.length > 0 &&
    CLOSER[out[out.length - 1]] !== undefined &&
    tail[head.length - out.length] !== CLOSER[out[out.length - 1]]
  )
    out = out.slice(0, -1);
  return out;
}

/** The punctuation a shared prefix starts with. */
function cutPrefix(prefix: string): string {
  let i = 0;
  while (i < prefix.length && AFFIX_PUNCTUATION.has(prefix[i])) i++;
  return prefix.slice(0, i);
}

/** The punctuation a shared suffix ends with. */
function cutSuffix(suffix: string): string {
  let i = suffix.length;
  while (i > 0 && AFFIX_PUNCTUATION.has(suffix[i - 1])) i--;
  return suffix.slice(i);
}
