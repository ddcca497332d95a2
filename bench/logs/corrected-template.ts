/** Where a path-like piece of a template ends (Khan et al.'s reduced delimiter set). */
const PATH_DELIMITERS = /([\s,!;:=|"'[\](){}])/;
/** Where a token ends for the other rules: the path delimiters and `. - + @ # $ % &`. */
const TOKEN_DELIMITERS = /([\s,!;:=|"'[\](){}.\-+@#$%&])/;
const PATH = /^(\/[^/]+)+$/;
const DIGITS = /^\d+$/;
/** A word with a variable in it (`blk_<*>`, `<*>ms`), not across a `/`. */
const WORD_WITH_VARIABLE = /^[^\s/]*<\*>[^\s/]*$/;
/** Booleans and the default user strings Khan et al. read as variables. */
const VARIABLE_WORDS = new Set(["true", "false", "null", "root", "admin"]);

function replaceUntilStable(text: string, from: string, to: string): string {
  let out = text;
  while (out.includes(from)) out = out.split(from).join(to);
  return out;
}

/**
 * A template rewritten by the rules that produced Loghub-2k's corrected ground truth (Khan et al.,
 * ICSE 2022, "Guidelines for assessing the accuracy of log message template identification
 * techniques"), which LILAC, DivLog and Loghub-2.0 also apply to a parser's templates before
 * comparing them with it: spaces collapsed; path-like pieces, digit-only tokens, booleans and
 * default user strings, and words holding a variable become `<*>`; variables joined by `.`, by
 * nothing, by `:` or wrapped in `#…#` become one. Placeholders of any kind must already read `<*>`.
 */
export function correctTemplate(template: string): string {
  let out = template.trim().replace(/\s+/g, " ");
  out = out
    .split(PATH_DELIMITERS)
    .map((piece) => (PATH.test(piece) ? "<*>" : piece))
    .join("");
  out = out
    .split(TOKEN_DELIMITERS)
    .map((token) => {
      if (VARIABLE_WORDS.has(token.toLowerCase()) || DIGITS.test(token)) return "<*>";
      return WORD_WITH_VARIABLE.test(token) && token !== "<*>/<*>" ? "<*>" : token;
    })
    .join("");
  out = replaceUntilStable(out, "<*>.<*>", "<*>");
  out = replaceUntilStable(out, "<*><*>", "<*>");
  out = replaceUntilStable(out, "#<*>#", "<*>");
  return replaceUntilStable(out, "<*>:<*>", "<*>");
}
