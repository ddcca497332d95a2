import * as fs from "node:fs";
import * as readline from "node:readline";

/** Streams the lines of a file, or of stdin for "-", without their line breaks (CRLF or LF). */
export function readLines(input: string): AsyncIterable<string> {
  const stream = input === "-" ? process.stdin : fs.createReadStream(input, { encoding: "utf8" });
  return readline.createInterface({ input: stream, crlfDelay: Infinity });
}
