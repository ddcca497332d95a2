import * as fs from "node:fs";
import type { Judgement } from "../../runtime/judge/judge";
import type { Colour } from "../../runtime/prometheus/colour-query";
import type { Weights } from "./traffic-switcher";

/** One decision of a cutover, with its evidence. Every entry carries the stack, target and time. */
export type CutoverEvent =
  | { kind: "start"; from: Weights; live: Colour; steps: number[]; intervalMs: number }
  | { kind: "resume"; atStep: number; weights: Weights }
  | { kind: "refused"; reason: string; evidence: unknown }
  | { kind: "shift"; step: number; percent: number; weights: Weights }
  | { kind: "judge"; step: number; window: { start: string; end: string }; judgement: Judgement }
  | { kind: "rollback"; step: number; weights: Weights; live: Colour; reason: string }
  | { kind: "complete"; weights: Weights; live: Colour };

export type CutoverLogEntry = CutoverEvent & { readonly at: string; readonly stack: string; readonly to: Colour };

/** An append-only JSON-lines log of cutover decisions: the audit trail and the resume point. */
export class CutoverLog {
  constructor(readonly file: string) {}

  append(entry: CutoverLogEntry): void {
    fs.appendFileSync(this.file, JSON.stringify(entry) + "\n");
  }

  entries(): CutoverLogEntry[] {
    if (!fs.existsSync(this.file)) return [];
    return fs
      .readFileSync(this.file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line, i) => {
        try {
          return JSON.parse(line) as CutoverLogEntry;
        } catch {
          throw new Error(`${this.file}:${i + 1}: not a JSON cutover log entry; the log is append-only, restore it or start a new one with --log`);
        }
      });
  }

  /** Entries of the unfinished cutover of this stack (from its last start, if nothing ended it), else []. */
  unfinished(stack: string): CutoverLogEntry[] {
    const mine = this.entries().filter((e) => e.stack === stack);
    const lastStart = mine.map((e) => e.kind).lastIndexOf("start");
    if (lastStart < 0) return [];
    const run = mine.slice(lastStart);
    return run.some((e) => e.kind === "complete" || e.kind === "rollback" || e.kind === "refused") ? [] : run;
  }
}
