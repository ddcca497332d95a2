/** The fields a log header can carry, as written in the line. */
export interface LogHeader {
  readonly timestamp?: string;
  readonly level?: string;
  readonly component?: string;
}

/** One log entry: a header (when one was found) and the message, possibly spanning several physical lines. */
export interface LogEntry {
  /** 1-based number of the entry's first physical line. */
  readonly line: number;
  readonly header: LogHeader;
  /** The message after the header; continuation lines (stack frames) follow it, separated by "\n". */
  readonly message: string;
  /** Physical lines in the entry (1 unless continuation lines were joined). */
  readonly lineCount: number;
}

/** Splits one physical line into header and message; `undefined` when the line carries no header. */
export type HeaderParser = (line: string) => { header: LogHeader; message: string } | undefined;
