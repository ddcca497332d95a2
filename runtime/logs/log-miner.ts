import { EntryAssembler } from "./entry-assembler";
import { parseHeaderFormat } from "./header-format";
import { detectHeader } from "./header-detection";
import type { LogEntry } from "./log-entry";
import type { Pattern } from "./pattern";
import { PatternMiner, type MinerOptions } from "./pattern-miner";
import type { MaskedToken } from "./placeholders";

/** One entry and the pattern it was mined into. */
export interface MinedEntry {
  readonly entry: LogEntry;
  readonly pattern: Pattern;
  readonly tokens: readonly MaskedToken[];
}

/** Options of a log miner. */
export interface LogMinerOptions extends MinerOptions {
  /** Header format in logparser notation (`<Date> <Time> <Level> <Component>: <Content>`). @default detected line by line */
  readonly format?: string;
  /** Continue from this miner (restored state) instead of a new one. */
  readonly miner?: PatternMiner;
}

/** The streaming pipeline: physical lines → entries (header split off, stack traces joined) → patterns. */
export class LogMiner {
  readonly miner: PatternMiner;
  private readonly assembler: EntryAssembler;

  constructor(options: LogMinerOptions = {}) {
    this.miner = options.miner ?? new PatternMiner(options);
    this.assembler = new EntryAssembler(
      options.format !== undefined ? parseHeaderFormat(options.format) : detectHeader,
    );
  }

  /** Feeds one physical line; returns the entry it completed (the previous one), if any. */
  push(line: string, lineNumber: number): MinedEntry | undefined {
    const entry = this.assembler.push(line, lineNumber);
    return entry && this.mine(entry);
  }

  /** Completes the last entry. */
  end(): MinedEntry | undefined {
    const entry = this.assembler.flush();
    return entry && this.mine(entry);
  }

  private mine(entry: LogEntry): MinedEntry {
    const { pattern, tokens } = this.miner.add(entry.message);
    return { entry, pattern, tokens };
  }
}
