import type { HeaderParser, LogHeader } from "./log-entry";

/** A header format the user gave is unusable; the message names the problem and the fix. */
export class HeaderFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HeaderFormatError";
  }
}

const FIELD = /<([A-Za-z][A-Za-z0-9_]*)>/g;
const TIMESTAMP_FIELDS = ["Timestamp", "Date", "Day", "Month", "Year", "Time"];

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

/**
 * A parser for a header format in the logparser notation, e.g. `<Date> <Time> <Level> <Component>: <Content>`:
 * fields in angle brackets, literal text between them, `<Content>` (the message) last. Timestamp fields
 * (Timestamp, Date, Day, Month, Year, Time) are joined with spaces in their order of appearance.
 */
export function parseHeaderFormat(format: string): HeaderParser {
  const fields = [...format.matchAll(FIELD)].map((m) => m[1]);
  if (fields.length === 0 || fields[fields.length - 1] !== "Content") {
    throw new HeaderFormatError(
      `--format "${format}" must name fields in angle brackets and end with <Content>, e.g. "<Date> <Time> <Level> <Component>: <Content>"`,
    );
  }
  const duplicates = fields.filter((f, i) => fields.indexOf(f) !== i);
  if (duplicates.length > 0)
    throw new HeaderFormatError(`--format "${format}" names ${duplicates.join(", ")} twice; give each field once`);
  let source = "^";
  let last = 0;
  for (const match of format.matchAll(FIELD)) {
    source += escapeLiteral(format.slice(last, match.index));
    source += match[1] === "Content" ? "(?<Content>[\\s\\S]*)" : `(?<${match[1]}>.*?)`;
    last = match.index + match[0].length;
  }
  const pattern = new RegExp(`${source}${escapeLiteral(format.slice(last))}$`);
  return (line) => {
    const groups = pattern.exec(line)?.groups;
    if (!groups) return undefined;
    const timestamp = TIMESTAMP_FIELDS.map((f) => groups[f])
      .filter((v): v is string => v !== undefined && v !== "")
      .join(" ");
    const header: LogHeader = {
      ...(timestamp ? { timestamp } : {}),
      ...(groups.Level ? { level: groups.Level } : {}),
      ...(groups.Component ? { component: groups.Component } : {}),
    };
    return { header, message: groups.Content };
  };
}
