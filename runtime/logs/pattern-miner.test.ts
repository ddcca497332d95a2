import { PatternMiner } from "./pattern-miner";
import { loadMinerState, MinerStateError, saveMinerState } from "./miner-state";
import { patternId } from "./pattern";

// Purpose-made messages: a few events with typed variables and word-varying positions.
const MESSAGES = [
  "Received block blk_1 of size 67108864 from /10.0.0.1",
  "Received block blk_2 of size 512 from /10.0.0.2",
  "Deleting block blk_3 file /data/dfs/blk_3",
  "Received block blk_4 of size 77 from /10.0.0.3",
  "Deleting block blk_5 file /data/dfs/blk_5",
];

function mine(miner: PatternMiner, messages: readonly string[]): string[] {
  return messages.map((m) => miner.add(m).pattern).map((p) => miner.resolve(p).id);
}

describe("PatternMiner", () => {
  it("groups messages by template, with typed placeholders and the values as params", () => {
    const miner = new PatternMiner();
    const ids = mine(miner, MESSAGES);
    expect(new Set(ids).size).toBe(2);
    const received = miner.patterns()[0];
    expect(received.template).toBe("Received block blk_<NUM> of size <NUM> from /<IP>");
    expect(received.count).toBe(3);
    const { pattern, tokens } = miner.match("Received block blk_9 of size 1 from /10.1.1.1")!;
    expect(pattern.params(tokens)).toEqual(["9", "1", "10.1.1.1"]);
  });

  it("derives ids from templates: the same template has the same id in any run and order", () => {
    const a = new PatternMiner();
    const b = new PatternMiner();
    mine(a, MESSAGES);
    mine(b, [...MESSAGES].reverse());
    expect(
      a
        .patterns()
        .map((p) => p.id)
        .sort(),
    ).toEqual(
      b
        .patterns()
        .map((p) => p.id)
        .sort(),
    );
    expect(a.patterns()[0].id).toBe(patternId("Received block blk_<NUM> of size <NUM> from /<IP>"));
  });

  it("keeps events that differ by a word apart until the position has seen more than maxWords words", () => {
    const miner = new PatternMiner({ maxWords: 3 });
    mine(miner, ["Starting installer initialization.", "Starting installer finalization."]);
    expect(
      miner
        .patterns()
        .map((p) => p.template)
        .sort(),
    ).toEqual(["Starting installer finalization.", "Starting installer initialization."]);
    const ids = mine(miner, [
      "Session opened for alice",
      "Session opened for bob",
      "Session opened for carol",
      "Session opened for dave",
    ]);
    expect(new Set(ids)).toEqual(new Set([patternId("Session opened for <*>")]));
    expect(miner.patterns().filter((p) => p.template.startsWith("Session"))).toHaveLength(1);
    expect(miner.patterns().find((p) => p.template === "Session opened for <*>")!.count).toBe(4);
  });

  it("reads a position as values sooner when every message brought a word of its own", () => {
    const hives = ["SOFTWARE,", "SYSTEM,", "SECURITY,", "SAM,"].map((h) => `Loading registry hive: ${h} from disk`);
    const miner = new PatternMiner({ maxWords: 6 });
    // Three one-off words are still words (3 is not more than 6 / 2); the fourth makes the position a value.
    mine(miner, hives.slice(0, 3));
    expect(miner.patterns()).toHaveLength(3);
    mine(miner, hives.slice(3));
    expect(miner.patterns().map((p) => [p.template, p.count])).toEqual([["Loading registry hive: <*>, from disk", 4]]);
    const { pattern, tokens } = miner.match("Loading registry hive: SAM, from disk")!;
    expect(pattern.params(tokens)).toEqual(["SAM"]);
    // Words that repeat stay event names up to maxWords.
    const repeated = new PatternMiner({ maxWords: 6 });
    mine(repeated, ["Ending a.", "Ending b.", "Ending a.", "Ending c.", "Ending d."]);
    expect(repeated.patterns()).toHaveLength(4);
  });

  it("keeps the punctuation a variable position's values share around its <*>, without changing the groups", () => {
    const miner = new PatternMiner();
    const ids = mine(miner, [
      "package: 'KB123_x', state: Staged",
      "package: 'KB456_y', state: Staged",
      "package: 'C:\\temp\\a', state: Staged",
    ]);
    expect(new Set(ids).size).toBe(1);
    expect(miner.patterns()[0].template).toBe("package: '<*>', state: Staged");
    // A value without the quotes widens the position further.
    mine(miner, ["package: KB789, state: Staged"]);
    expect(miner.patterns().map((p) => p.template)).toEqual(["package: <*>, state: Staged"]);
  });

  it("reads a change of unit after a number as a change of value, not another event", () => {
    const miner = new PatternMiner();
    const ids = mine(miner, [
      "Block broadcast_1 stored (estimated size 5.2 KB, free 5.2 KB)",
      "Block broadcast_2 stored (estimated size 93.0 B, free 317.1 KB)",
      "MemoryStore started with capacity 1.2 GB",
    ]);
    expect(ids[0]).toBe(ids[1]);
    expect(
      miner.resolve(miner.add("Block broadcast_3 stored (estimated size 1.0 MB, free 3.0 KB)").pattern).template,
    ).toBe("Block broadcast_<NUM> stored (estimated size <NUM> <*>, free <NUM> KB)");
    expect(miner.patterns().map((p) => p.template)).toContain("MemoryStore started with capacity <NUM> GB");
  });

  it("keeps values under different names apart, and values under one name together", () => {
    const miner = new PatternMiner();
    const ids = mine(miner, [
      "data store interrupt caused by dcbf.........0",
      "data store interrupt caused by icbi.........0",
      "data store interrupt caused by dcbf.........1",
      "task attempt_1_m_2 done",
      "task attempt_1_r_3 done",
    ]);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[3]).toBe(ids[4]);
    expect(miner.patterns().map((p) => p.template)).toContain("data store interrupt caused by icbi.........<NUM>");
  });

  it("bounds memory: beyond maxPatterns the least recently matched patterns go", () => {
    const miner = new PatternMiner({ maxPatterns: 3 });
    for (const message of ["a", "a b", "a b c", "a b c d", "a b c d e"]) miner.add(message);
    const lengths = new Set(["x", "x y", "x y z", "x y z w"].map((m) => miner.add(m).pattern.id));
    expect(lengths.size).toBe(4);
    expect(miner.patterns().length).toBeLessThanOrEqual(3);
    expect(miner.evicted).toBeGreaterThan(0);
    expect(miner.patterns().map((p) => p.template)).toContain("x y z w");
  });

  it("refuses settings out of range", () => {
    expect(() => new PatternMiner({ similarity: 0 })).toThrow(/similarity/);
    expect(() => new PatternMiner({ maxPatterns: 0 })).toThrow(/maxPatterns/);
  });
});

describe("miner state", () => {
  it("resumes where it stopped: the same patterns, counts and ids as one uninterrupted run", () => {
    const whole = new PatternMiner();
    const wholeIds = mine(whole, [...MESSAGES, ...MESSAGES]);
    const first = new PatternMiner();
    mine(first, MESSAGES);
    const resumed = loadMinerState(JSON.parse(JSON.stringify(saveMinerState(first))), "state.json");
    const resumedIds = mine(resumed, MESSAGES);
    expect(resumedIds).toEqual(wholeIds.slice(MESSAGES.length));
    expect(resumed.patterns().map((p) => [p.id, p.count])).toEqual(whole.patterns().map((p) => [p.id, p.count]));
    expect(resumed.messages).toBe(whole.messages);
  });

  it("resumes the same with punctuated wildcards, named values, units and one-off words in the state", () => {
    const messages = [
      "Loading hive: SOFTWARE, from '/a/b'",
      "Loading hive: SYSTEM, from '/c/d'",
      "data store interrupt caused by dcbf.........0",
      "data store interrupt caused by icbi.........0",
      "stored (estimated size 5.2 KB, free 5.2 KB)",
      "stored (estimated size 93.0 B, free 317.1 KB)",
      "Loading hive: SAM, from '/e/f'",
      "Loading hive: SECURITY, from '/g/h'",
      "data store interrupt caused by dcbf.........1",
      "stored (estimated size 1.0 MB, free 2.0 KB)",
    ];
    const whole = new PatternMiner({ maxWords: 4 });
    const wholeIds = mine(whole, messages);
    const first = new PatternMiner({ maxWords: 4 });
    mine(first, messages.slice(0, 5));
    const resumed = loadMinerState(JSON.parse(JSON.stringify(saveMinerState(first))), "state.json");
    expect(mine(resumed, messages.slice(5))).toEqual(wholeIds.slice(5));
    expect(resumed.patterns().map((p) => [p.template, p.count])).toEqual(
      whole.patterns().map((p) => [p.template, p.count]),
    );
  });

  it("refuses a state file of another shape, naming the field and the fix", () => {
    expect(() =>
      loadMinerState({ version: 1, options: { similarity: 2, maxWords: 4, maxPatterns: 10 } }, "s.json"),
    ).toThrow(MinerStateError);
    expect(() =>
      loadMinerState({ version: 1, options: { similarity: 2, maxWords: 4, maxPatterns: 10 } }, "s.json"),
    ).toThrow(/s\.json .*options\.similarity.*delete it/);
  });
});
