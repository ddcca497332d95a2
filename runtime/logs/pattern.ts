import { createHash } from "node:crypto";
import type { MaskedToken } from "./placeholders";
import { WILDCARD } from "./placeholders";

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

  /** Sets one position to `<*>`. */
  widen(position: number): void {
    if (this.templateTokens[position] === WILDCARD) return;
    this.templateTokens[position] = WILDCARD;
    this.cachedId = undefined;
    this.cachedTemplate = undefined;
  }

  /** The values of a matching entry's variables, in template order: typed values, and whole tokens at `<*>`. */
  params(tokens: readonly MaskedToken[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.templateTokens.length && i < tokens.length; i++) {
      if (this.templateTokens[i] === WILDCARD) out.push(tokens[i].raw);
      else out.push(...tokens[i].values);
    }
    return out;
  }
}
