import * as fs from "node:fs";
import * as path from "node:path";
import { reviewDeterministic } from "../review";
import { parseChangeSet } from "./load-change-set";
import { PreviewInputError } from "./preview-input-error";

/** Deterministic pseudo-random numbers (mulberry32), so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, "", "x", "[unknown]", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", true, [], [null], {}, { a: [1, { b: null }] }];

/** Replaces one random node of a JSON tree with an odd value, or deletes it. */
function mutate(node: unknown, next: () => number): unknown {
  if (Array.isArray(node)) {
    if (node.length === 0) return node;
    const i = Math.floor(next() * node.length);
    const copy = [...node];
    copy[i] = next() < 0.3 ? ODD_VALUES[Math.floor(next() * ODD_VALUES.length)] : mutate(node[i], next);
    return copy;
  }
  if (node && typeof node === "object") {
    const keys = Object.keys(node);
    if (keys.length === 0) return node;
    const key = keys[Math.floor(next() * keys.length)];
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    const roll = next();
    if (roll < 0.15) delete copy[key];
    else if (roll < 0.45) copy[key] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
    else copy[key] = mutate(copy[key], next);
    return copy;
  }
  return node;
}

const FIXTURES = path.join(__dirname, "..", "fixtures");
const documents = [
  JSON.parse(fs.readFileSync(path.join(FIXTURES, "scenarios/prod-risky.preview.json"), "utf8")),
  JSON.parse(fs.readFileSync(path.join(FIXTURES, "scenarios/prod-policy.automation-events.json"), "utf8")),
];

it("never crashes on well-formed JSON: 600 random mutations of real-shaped previews either fail with an input error or are reviewed", () => {
  for (let seed = 1; seed <= 300; seed++) {
    for (const document of documents) {
      const next = random(seed);
      let mutated: unknown = document;
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) mutated = mutate(mutated, next);
      try {
        const set = parseChangeSet(JSON.stringify(mutated), `seed-${seed}.json`);
        const review = reviewDeterministic({ changes: set, stack: { name: "prod", kind: "prod", region: "eu-west-1" } });
        expect(review.findings.filter((f) => f.id.startsWith("uncertainty:rule-failed"))).toEqual([]);
      } catch (error) {
        if (!(error instanceof PreviewInputError)) throw new Error(`seed ${seed}: ${String(error)}`);
      }
    }
  }
});
