import { EntryAssembler } from "./entry-assembler";
import { detectHeader } from "./header-detection";
import type { LogEntry } from "./log-entry";

function assemble(lines: string[]): LogEntry[] {
  const assembler = new EntryAssembler(detectHeader);
  const out = lines.map((l, i) => assembler.push(l, i + 1)).filter((e): e is LogEntry => e !== undefined);
  const last = assembler.flush();
  return last ? [...out, last] : out;
}

describe("EntryAssembler", () => {
  it("keeps a Java stack trace with its causes as one entry", () => {
    const entries = assemble([
      "2024-03-01 10:00:00,001 ERROR [worker-1] com.example.Cache: refresh failed",
      "java.lang.IllegalStateException: cache closed",
      "\tat com.example.Cache.refresh(Cache.java:42)",
      "Caused by: java.io.IOException: broken pipe",
      "\t... 12 more",
      "2024-03-01 10:00:01,002 INFO [worker-1] com.example.Cache: retrying",
    ]);
    expect(entries.map((e) => [e.line, e.lineCount])).toEqual([
      [1, 5],
      [6, 1],
    ]);
    expect(entries[0].message.split("\n")[0]).toBe("refresh failed");
  });

  it("joins indented frames to the entry above them", () => {
    const entries = assemble(["2024-03-01 10:00:00 ERROR app: failed", "    at a.b(C.java:1)", "    at d.e(F.java:2)"]);
    expect(entries).toHaveLength(1);
    expect(entries[0].message).toBe("failed\n    at a.b(C.java:1)\n    at d.e(F.java:2)");
    expect(entries[0].header.level).toBe("ERROR");
  });

  it("keeps a Python traceback, up to and including its exception line, as one entry", () => {
    const entries = assemble([
      "2024-03-01 10:00:00 ERROR worker: job crashed",
      "Traceback (most recent call last):",
      '  File "job.py", line 3, in <module>',
      "    run()",
      "ValueError: bad input",
      "2024-03-01 10:00:02 INFO worker: next job",
    ]);
    expect(entries.map((e) => e.lineCount)).toEqual([5, 1]);
  });
});
