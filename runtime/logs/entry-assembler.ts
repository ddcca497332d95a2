import type { HeaderParser, LogEntry } from "./log-entry";

/** Lines that continue the previous entry even without indentation (Java causes, Python tracebacks). */
const CONTINUATION =
  /^(Caused by:|Suppressed:|\.\.\. \d+ (more|common frames omitted)|Traceback \(most recent call last\):)/;
/** A Java exception line (`java.net.SocketTimeoutException: …`), which loggers print right under the message. */
const JAVA_EXCEPTION = /^([a-z_$][\w$]*\.)+[A-Z][\w$]*(Exception|Error|Throwable)\b/;
/** The exception line that ends a Python traceback. */
const TRACEBACK_END = /^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)\b/;

/**
 * Groups physical lines into entries as they stream in: a line without a header that is indented,
 * starts with a continuation marker, names a Java exception or ends a traceback joins the entry before it (stack traces stay
 * one entry); any other line starts a new entry.
 */
export class EntryAssembler {
  private pending?: { line: number; header: LogEntry["header"]; parts: string[]; inTraceback: boolean };

  constructor(private readonly parseHeader: HeaderParser) {}

  /** Feeds one physical line (without its line break); returns the entry it completed, if any. */
  push(text: string, lineNumber: number): LogEntry | undefined {
    const parsed = this.parseHeader(text);
    if (!parsed && this.pending && this.continues(text)) {
      this.pending.parts.push(text);
      if (/^Traceback \(most recent call last\):/.test(text)) this.pending.inTraceback = true;
      else if (this.pending.inTraceback && !/^\s/.test(text)) this.pending.inTraceback = false;
      return undefined;
    }
    const done = this.flush();
    this.pending = {
      line: lineNumber,
      header: parsed?.header ?? {},
      parts: [parsed ? parsed.message : text],
      inTraceback: false,
    };
    return done;
  }

  /** The entry still open at the end of the input. */
  flush(): LogEntry | undefined {
    const p = this.pending;
    this.pending = undefined;
    if (!p) return undefined;
    return { line: p.line, header: p.header, message: p.parts.join("\n"), lineCount: p.parts.length };
  }

  private continues(text: string): boolean {
    if (text.trim() === "") return true;
    if (/^\s/.test(text) || CONTINUATION.test(text) || JAVA_EXCEPTION.test(text)) return true;
    return this.pending!.inTraceback && TRACEBACK_END.test(text);
  }
}
