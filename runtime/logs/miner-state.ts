import { z } from "zod";
import { Pattern } from "./pattern";
import { PatternCluster } from "./pattern-cluster";
import { PatternMiner } from "./pattern-miner";

/** A saved miner state is unusable; the message names the file, the field and the fix. */
export class MinerStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MinerStateError";
  }
}

const STATE_VERSION = 1;

const stateSchema = z.object({
  version: z.literal(STATE_VERSION),
  options: z.object({
    similarity: z.number().gt(0).lte(1),
    maxWords: z.number().int().positive(),
    maxPatterns: z.number().int().positive(),
  }),
  messages: z.number().int().nonnegative(),
  evicted: z.number().int().nonnegative(),
  clusters: z.array(
    z.object({
      key: z.string(),
      skeleton: z.array(z.string()),
      wordValues: z.record(z.string().regex(/^\d+$/), z.array(z.string())),
      lastSeen: z.number().int().nonnegative(),
      patterns: z.array(
        z.object({
          tokens: z.array(z.string()),
          count: z.number().int().positive(),
          lastSeen: z.number().int().nonnegative(),
        }),
      ),
    }),
  ),
});

/** The miner's state as saved between runs (JSON). */
export type MinerState = z.infer<typeof stateSchema>;

/** Everything needed to resume mining: options, clusters (least recently matched first) and counters. */
export function saveMinerState(miner: PatternMiner): MinerState {
  return {
    version: STATE_VERSION,
    options: { similarity: miner.similarity, maxWords: miner.maxWords, maxPatterns: miner.maxPatterns },
    messages: miner.messages,
    evicted: miner.evicted,
    clusters: miner.clusters().map((c) => ({
      key: c.key,
      skeleton: [...c.skeleton],
      wordValues: Object.fromEntries(
        [...c.wordValues.entries()].map(([position, words]) => [String(position), [...words]]),
      ),
      lastSeen: c.lastSeen,
      patterns: [...c.patterns.values()].map((p) => ({ tokens: [...p.tokens], count: p.count, lastSeen: p.lastSeen })),
    })),
  };
}

/** Rebuilds a miner from saved state; `source` names the file in error messages. */
export function loadMinerState(data: unknown, source: string): PatternMiner {
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MinerStateError(
      `${source} is not a pattern state this version can resume (${issue.path.join(".") || "root"}: ${issue.message}); delete it to start afresh or pass another --state file`,
    );
  }
  const state = parsed.data;
  const miner = new PatternMiner(state.options);
  for (const saved of state.clusters) {
    const cluster = new PatternCluster(saved.key, [...saved.skeleton], saved.lastSeen);
    for (const [position, words] of Object.entries(saved.wordValues))
      cluster.wordValues.set(Number(position), new Set(words));
    for (const p of saved.patterns) {
      const pattern = new Pattern([...p.tokens], p.count, p.lastSeen);
      cluster.patterns.set(pattern.template, pattern);
    }
    miner.restore(cluster);
  }
  miner.restored(state.messages, state.evicted);
  return miner;
}
