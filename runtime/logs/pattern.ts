import { createHash } from "node:crypto";
import type { MaskedToken } from "./placeholders";
import { WILDCARD } from "./placeholders";
import { isWildcard, wildcardValue } from "./wildcard-token";

/** A pattern id: the first 16 hex digits of the SHA-256 of its template, so equal templates get equal ids everywhere. */
export function patternId(template: string): string {
  return createHash("sha256").update(template).digest("hex").slice(0, 16);
}

/** One mined pattern: a template of constant tokens, typed placeholders and `<*>`, and how many entries matched it. */
export class Pattern {
  private cachedId?: string;
  private cachedTemplate?: string;

  constructor(
    private templateTokens: string[],
    public count: number,
    public lastSeen: number,
  ) {}

  get tokens(): readonly string[] {
    return this.templateTokens;
  }

  get template(): string {
    return (this.cachedTemplate ??= this.templateTokens.join(" "));
  }

  get id(): string {
    return (this.cachedId ??= patternId(this.template));
  }

  /** Sets one position to a wildcard token (`<*>`, or `<*>` between constant punctuation such as `<*>,`). */
  widen(position: number, wildcard: string = WILDCARD): void {
    if (this.templateTokens[position] === wildcard) return;
    this.templateTokens[position] = wildcard;
    this.cachedId = undefined;
    this.cachedTemplate = undefined;
  }

  /** The values of a matching entry's variables, in template order: typed values, and whole tokens (less constant punctuation) at `<*>`. */
  params(tokens: readonly MaskedToken[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.templateTokens.length && i < tokens.length; i++) {
      const template = this.templateTokens[i];
      if (isWildcard(template)) out.push(wildcardValue(template, tokens[i].raw));
      else out.push(...tokens[i].values);
    }
    return out;
  }
}
