import { EntryAssembler } from "./entry-assembler";
import { parseHeaderFormat } from "./header-format";
import { detectHeader } from "./header-detection";
import type { HeaderParser, LogEntry } from "./log-entry";
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
  private readonly parseHeader: HeaderParser;

  constructor(options: LogMinerOptions = {}) {
    this.miner = options.miner ?? new PatternMiner(options);
    this.parseHeader = options.format !== undefined ? parseHeaderFormat(options.format) : detectHeader;
    this.assembler = new EntryAssembler(this.parseHeader);
  }

  /** Feeds one physical line; returns the entry it completed (the previous one), if any. */
  push(line: string, lineNumber: number): MinedEntry | undefined {
    const entry = this.assembler.push(line, lineNumber);
    return entry && this.mine(entry);
  }

  /** Mines one whole entry that arrives already delimited (a CloudWatch event, which may span lines). */
  pushEntry(text: string, lineNumber: number): MinedEntry {
    const [first, ...rest] = text.replace(/\n$/, "").split("\n");
    const parsed = this.parseHeader(first);
    const message = [parsed ? parsed.message : first, ...rest].join("\n");
    return this.mine({ line: lineNumber, header: parsed?.header ?? {}, message, lineCount: rest.length + 1 });
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
