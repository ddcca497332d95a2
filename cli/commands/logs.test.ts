import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CliError } from "../cli-error";
import { runPatterns } from "./logs";

// Purpose-made log in a Log4j-like layout, with a stack trace.
const LOG = [
  "2024-03-01 10:00:00,001 INFO [main] com.example.Cache: cache invalidated for key user:17 by 10.0.0.5",
  "2024-03-01 10:00:01,002 INFO [main] com.example.Cache: cache invalidated for key user:18 by 10.0.0.6",
  "2024-03-01 10:00:02,003 ERROR [main] com.example.Api: request 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed after 1200 ms",
  "java.net.SocketTimeoutException: Read timed out",
  "\tat java.net.SocketInputStream.read(SocketInputStream.java:150)",
  "2024-03-01 10:00:03,004 INFO [main] com.example.Cache: cache invalidated for key user:19 by 10.0.0.7",
].join("\n");

describe("icna logs patterns", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-logs-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("prints patterns with counts, and each entry's first line, pattern and typed params", async () => {
    const input = path.join(dir, "app.log");
    fs.writeFileSync(input, LOG);
    const result = await runPatterns({ input });
    expect(result.patterns).toHaveLength(2);
    expect(result.patterns[0]).toMatchObject({ template: "cache invalidated for key user:<NUM> by <IP>", count: 3 });
    expect(result.lines.map((l) => l.line)).toEqual([1, 2, 3, 6]);
    expect(result.lines[0].params).toEqual(["17", "10.0.0.5"]);
    expect(result.lines[2].params).toEqual(["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "1200"]);
  });

  it("resumes from --state: the second run continues the counts and keeps the ids", async () => {
    const input = path.join(dir, "app.log");
    const state = path.join(dir, "state.json");
    fs.writeFileSync(input, LOG);
    const first = await runPatterns({ input, state });
    const second = await runPatterns({ input, state });
    expect(second.patterns.map((p) => p.id)).toEqual(first.patterns.map((p) => p.id));
    expect(second.patterns[0].count).toBe(6);
  });

  it("refuses a missing input, a bad format and a corrupt state file with what to do", async () => {
    const input = path.join(dir, "app.log");
    fs.writeFileSync(input, LOG);
    await expect(runPatterns({ input: path.join(dir, "none.log") })).rejects.toThrow(
      /does not exist; give a log file, or - to read stdin/,
    );
    await expect(runPatterns({ input, format: "<Date> <Time>" })).rejects.toThrow(CliError);
    fs.writeFileSync(path.join(dir, "bad.json"), "{");
    await expect(runPatterns({ input, state: path.join(dir, "bad.json") })).rejects.toThrow(/not JSON; delete it/);
  });
});
