import { WILDCARD, type MaskedToken } from "./placeholders";
import { Pattern } from "./pattern";
import { fitsWildcard, isWildcard, widenToken } from "./wildcard-token";

const PLACEHOLDER = /<(UUID|URL|IP|PATH|HEX|NUM)>/;

/**
 * Messages of one length and first token that are similar enough to share a skeleton. A position is
 * variable in the skeleton once it saw two different masked values with a digit or placeholder in
 * them, or more than `maxWords` different words (more than `maxWords / 2` when each message brought
 * a new one); until then, each combination of words at the word-varying positions is its own
 * pattern (`Ending … initialization.` and `… finalization.` stay apart, user names become `<*>`).
 */
export class PatternCluster {
  /** Word values seen at positions that differ only by words, while at most maxWords. */
  readonly wordValues = new Map<number, Set<string>>();
  readonly patterns = new Map<string, Pattern>();

  constructor(
    readonly key: string,
    /** The skeleton: `<*>` at word-varying positions, `<*>` between the punctuation its values share at variable ones. */
    readonly skeleton: string[],
    public lastSeen: number,
  ) {}

  /**
   * Share of the message's positions that agree with the skeleton: equal tokens, or a typed value
   * where the skeleton already has a variable (Drain's similarity, except that a value meeting a
   * variable does not count against the match).
   */
  similarity(tokens: readonly MaskedToken[]): { score: number; wildcards: number } {
    let same = 0;
    let wildcards = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = this.skeleton[i];
      const token = tokens[i];
      if (isWildcard(t)) {
        wildcards++;
        if (token.variable && !this.wordValues.has(i)) same++;
      } else if (t === token.masked || (token.variable && PLACEHOLDER.test(t) && !namedDifferently(t, token.masked)))
        same++;
    }
    return { score: tokens.length === 0 ? 1 : same / tokens.length, wildcards };
  }

  /**
   * Adds a message: widens the skeleton where it differs, then returns its pattern and the patterns
   * that merged into another because a position became variable.
   */
  add(
    tokens: readonly MaskedToken[],
    clock: number,
    maxWords: number,
  ): { pattern: Pattern; merged: Array<[Pattern, Pattern]> } {
    const widened: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const words = this.wordValues.get(i);
      if (words) {
        const masked = tokens[i].masked;
        if (!words.has(masked)) {
          const valueChange =
            (tokens[i].variable || tokens[i].valueWord) && ![...words].every((w) => namedDifferently(w, masked));
          words.add(masked);
          if (valueChange || this.wordsAreValues(words.size, maxWords)) {
            this.wordValues.delete(i);
            this.skeleton[i] = widenToken(words);
            widened.push(i);
          }
        }
        continue;
      }
      const t = this.skeleton[i];
      const masked = tokens[i].masked;
      if (t === masked || (isWildcard(t) && fitsWildcard(t, masked))) continue;
      const valueChange = isWildcard(t) || tokens[i].variable || tokens[i].valueWord || PLACEHOLDER.test(t);
      if (maxWords < 2 || (valueChange && !namedDifferently(t, masked))) {
        this.skeleton[i] = widenToken([t, masked]);
        widened.push(i);
      } else {
        this.skeleton[i] = WILDCARD;
        this.wordValues.set(i, new Set([t, masked]));
      }
    }
    const merged = widened.length > 0 ? this.rekey(widened) : [];
    const template = this.templateOf(tokens);
    const key = template.join(" ");
    let pattern = this.patterns.get(key);
    if (!pattern) this.patterns.set(key, (pattern = new Pattern(template, 0, clock)));
    pattern.count++;
    pattern.lastSeen = clock;
    this.lastSeen = clock;
    return { pattern, merged };
  }

  /**
   * A word-varying position holds values, not event names, once it has seen more than maxWords
   * words, or more than half as many when every message so far brought a word of its own
   * (`hive: SOFTWARE,` … `hive: SAM,`, one line each), before the message being added counts.
   */
  private wordsAreValues(words: number, maxWords: number): boolean {
    if (words > maxWords) return true;
    if (2 * words <= maxWords) return false;
    let messages = 1;
    for (const p of this.patterns.values()) messages += p.count;
    return words === messages;
  }

  /** The pattern template of a message of this cluster: the skeleton with the message's own words at word-varying positions. */
  templateOf(tokens: readonly MaskedToken[]): string[] {
    return this.skeleton.map((t, i) => (this.wordValues.has(i) ? tokens[i].masked : t));
  }

  /** Positions became variable: every pattern widens there, and patterns that now read the same merge. */
  private rekey(positions: readonly number[]): Array<[Pattern, Pattern]> {
    const merged: Array<[Pattern, Pattern]> = [];
    const old = [...this.patterns.values()];
    this.patterns.clear();
    for (const pattern of old) {
      for (const p of positions) pattern.widen(p, this.skeleton[p]);
      const existing = this.patterns.get(pattern.template);
      if (existing) {
        existing.count += pattern.count;
        existing.lastSeen = Math.max(existing.lastSeen, pattern.lastSeen);
        merged.push([pattern, existing]);
      } else this.patterns.set(pattern.template, pattern);
    }
    return merged;
  }
}

/**
 * Two tokens holding values under different names (`dcbf.........<NUM>` and `icbi.........<NUM>`,
 * `lr:<HEX>` and `ctr:<HEX>`): both carry a typed placeholder and the words before the first one
 * differ. Such a position varies by words, not by values.
 */
function namedDifferently(a: string, b: string): boolean {
  const leadA = typedLead(a);
  const leadB = typedLead(b);
  return leadA !== undefined && leadB !== undefined && leadA !== leadB;
}

/** The text before a token's first typed placeholder when it is a word (letters, no digits: not an id); undefined otherwise. */
function typedLead(token: string): string | undefined {
  const at = token.search(PLACEHOLDER);
  if (at < 0 || isWildcard(token)) return undefined;
  const lead = token.slice(0, at);
  return /[A-Za-z]/.test(lead) && !/\d/.test(lead) ? lead : undefined;
}
