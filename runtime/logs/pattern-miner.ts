import { maskMessage, WILDCARD, type MaskedToken } from "./placeholders";
import type { Pattern } from "./pattern";
import { PatternCluster } from "./pattern-cluster";

/** How the miner groups messages. */
export interface MinerOptions {
  /**
   * A message joins the most similar cluster of its length and first token when at least this share
   * of its positions equal the cluster's constant tokens; otherwise it starts a new one.
   * @default DEFAULT_SIMILARITY
   */
  readonly similarity?: number;
  /**
   * A position that varies only by words becomes `<*>` once it has seen more than this many words,
   * or more than half as many when no word there repeated. @default DEFAULT_MAX_WORDS
   */
  readonly maxWords?: number;
  /** At most this many patterns are kept; the least recently matched cluster is dropped first. @default 10000 */
  readonly maxPatterns?: number;
}

export const DEFAULT_SIMILARITY = 0.4;
export const DEFAULT_MAX_WORDS = 12;
export const DEFAULT_MAX_PATTERNS = 10_000;

/** What the miner did with one message. */
export interface MinedMessage {
  readonly pattern: Pattern;
  readonly tokens: readonly MaskedToken[];
}

/**
 * Online template mining in one pass: messages whose variables were first masked by type are grouped
 * as in Drain (by token count and first token, joining the most similar cluster above a threshold),
 * and a position that differs only by words becomes variable once it has seen more than maxWords of
 * them (see PatternCluster).
 */
export class PatternMiner {
  readonly similarity: number;
  readonly maxWords: number;
  readonly maxPatterns: number;
  private readonly groups = new Map<string, PatternCluster[]>();
  /** Insertion order is recency order: the first key is the least recently matched cluster. */
  private readonly recency = new Map<PatternCluster, true>();
  private readonly mergedInto = new WeakMap<Pattern, Pattern>();
  private patternCount = 0;
  private clock = 0;
  private evictedCount = 0;

  constructor(options: MinerOptions = {}) {
    this.similarity = options.similarity ?? DEFAULT_SIMILARITY;
    this.maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
    this.maxPatterns = options.maxPatterns ?? DEFAULT_MAX_PATTERNS;
    if (!(this.similarity > 0 && this.similarity <= 1))
      throw new RangeError(`similarity must be in (0, 1], got ${this.similarity}`);
    if (!Number.isInteger(this.maxWords) || this.maxWords < 1)
      throw new RangeError(`maxWords must be a positive integer, got ${this.maxWords}`);
    if (!Number.isInteger(this.maxPatterns) || this.maxPatterns < 1)
      throw new RangeError(`maxPatterns must be a positive integer, got ${this.maxPatterns}`);
  }

  /** Messages mined so far. */
  get messages(): number {
    return this.clock;
  }

  /** Patterns dropped to keep within maxPatterns. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** Mines one message (only its first line: continuation lines such as stack frames do not shape the template). */
  add(message: string): MinedMessage {
    const tokens = maskMessage(firstLine(message));
    const key = groupKey(tokens);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = []));
    this.clock++;
    let cluster = this.closest(group, tokens);
    if (!cluster) {
      cluster = new PatternCluster(
        key,
        tokens.map((t) => t.masked),
        this.clock,
      );
      group.push(cluster);
    }
    const before = cluster.patterns.size;
    const { pattern, merged } = cluster.add(tokens, this.clock, this.maxWords);
    for (const [from, to] of merged) this.mergedInto.set(from, to);
    this.patternCount += cluster.patterns.size - before;
    this.recency.delete(cluster);
    this.recency.set(cluster, true);
    this.evictBeyondLimit(cluster);
    return { pattern, tokens };
  }

  /** The pattern a message would join, without changing anything; undefined when it would start a new one. */
  match(message: string): MinedMessage | undefined {
    const tokens = maskMessage(firstLine(message));
    const cluster = this.closest(this.groups.get(groupKey(tokens)) ?? [], tokens);
    const pattern = cluster?.patterns.get(cluster.templateOf(tokens).join(" "));
    return pattern ? { pattern, tokens } : undefined;
  }

  /** The live pattern a pattern has become (patterns merge when a position turns variable). */
  resolve(pattern: Pattern): Pattern {
    let p = pattern;
    for (let next = this.mergedInto.get(p); next; next = this.mergedInto.get(p)) p = next;
    return p;
  }

  /** Every live pattern, most frequent first. */
  patterns(): Pattern[] {
    return [...this.recency.keys()]
      .flatMap((c) => [...c.patterns.values()])
      .sort((a, b) => b.count - a.count || a.template.localeCompare(b.template));
  }

  /** Every live cluster, least recently matched first (for saving state). */
  clusters(): PatternCluster[] {
    return [...this.recency.keys()];
  }

  /** Puts back a saved cluster; call in least-recent-first order, then `restored`. */
  restore(cluster: PatternCluster): void {
    const group = this.groups.get(cluster.key) ?? [];
    this.groups.set(cluster.key, group);
    group.push(cluster);
    this.recency.set(cluster, true);
    this.patternCount += cluster.patterns.size;
  }

  /** Finishes a restore with the saved counters. */
  restored(messages: number, evicted: number): void {
    this.clock = messages;
    this.evictedCount = evicted;
    this.evictBeyondLimit();
  }

  private closest(group: readonly PatternCluster[], tokens: readonly MaskedToken[]): PatternCluster | undefined {
    let best: PatternCluster | undefined;
    let bestScore = -1;
    let bestWildcards = -1;
    for (const cluster of group) {
      const { score, wildcards } = cluster.similarity(tokens);
      if (score > bestScore || (score === bestScore && wildcards > bestWildcards)) {
        best = cluster;
        bestScore = score;
        bestWildcards = wildcards;
      }
    }
    return best && bestScore >= this.similarity ? best : undefined;
  }

  private evictBeyondLimit(keep?: PatternCluster): void {
    while (this.patternCount > this.maxPatterns) {
      const oldest = this.recency.keys().next().value as PatternCluster;
      if (oldest === keep) break;
      this.recency.delete(oldest);
      const group = this.groups.get(oldest.key)!;
      group.splice(group.indexOf(oldest), 1);
      if (group.length === 0) this.groups.delete(oldest.key);
      this.patternCount -= oldest.patterns.size;
      this.evictedCount += oldest.patterns.size;
    }
  }
}

function firstLine(message: string): string {
  const end = message.indexOf("\n");
  return end < 0 ? message : message.slice(0, end);
}

/** Messages are compared only with clusters of the same length and first token (a variable first token routes to `<*>`). */
function groupKey(tokens: readonly MaskedToken[]): string {
  const first = tokens.length === 0 ? "" : tokens[0].variable ? WILDCARD : tokens[0].masked;
  return `${tokens.length}\u0000${first}`;
}
