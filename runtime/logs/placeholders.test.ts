import { maskMessage, maskToken } from "./placeholders";

describe("maskToken", () => {
  it.each([
    ["10.0.0.12:8080", "<IP>:<NUM>", ["10.0.0.12", "8080"]],
    ["10.0.0.12", "<IP>", ["10.0.0.12"]],
    ["3f2504e0-4f89-11d3-9a0c-0305e82c3301", "<UUID>", ["3f2504e0-4f89-11d3-9a0c-0305e82c3301"]],
    ["https://example.com/a?b=1", "<URL>", ["https://example.com/a?b=1"]],
    ["/var/log/app/server.log", "<PATH>", ["/var/log/app/server.log"]],
    ["0x7fed806eb5d", "<HEX>", ["0x7fed806eb5d"]],
    ["deadbeef01", "<HEX>", ["deadbeef01"]],
    ["blk_-6952295868487656571", "blk_<NUM>", ["-6952295868487656571"]],
    ["core.2275", "core.<NUM>", ["2275"]],
    ["size=42,", "size=<NUM>,", ["42"]],
    ["10000ms", "<NUM>ms", ["10000"]],
    [
      ":[akka.tcp://sparkExecutor@mesos-slave-07:55904],",
      ":[<URL>],",
      ["akka.tcp://sparkExecutor@mesos-slave-07:55904"],
    ],
    ["(threshold=30000ms)", "(threshold=<NUM>ms)", ["30000"]],
  ])("masks %s as %s and keeps the value", (raw, masked, values) => {
    const token = maskToken(raw);
    expect(token.masked).toBe(masked);
    expect(token.values).toEqual(values);
    expect(token.variable).toBe(true);
  });

  it("leaves words, and words with digits in them, as words", () => {
    for (const raw of ["terminating", "eth0", "workers2.properties", "v2"])
      expect(maskToken(raw)).toEqual({ masked: raw, raw, values: [], variable: false });
  });

  it("reads a run of values of one kind as one list-valued token, whatever its length", () => {
    const one = maskMessage("ask 10.0.0.1:50010 to delete blk_1");
    const three = maskMessage("ask 10.0.0.1:50010 to delete blk_1 blk_-2 blk_3");
    expect(three.map((t) => t.masked)).toEqual(one.map((t) => t.masked));
    expect(three[4]).toEqual({
      masked: "blk_<NUM>",
      raw: "blk_1 blk_-2 blk_3",
      values: ["1", "-2", "3"],
      variable: true,
    });
    // Hex words and numbers form one list; a word or another kind ends the run.
    expect(maskMessage("softheader 0064588e 00000002 x 7 7").map((t) => t.masked)).toEqual([
      "softheader",
      "<*>",
      "x",
      "<NUM>",
    ]);
    expect(maskMessage("from 10.0.0.1 7").map((t) => t.masked)).toEqual(["from", "<IP>", "<NUM>"]);
  });

  it("marks a size or duration unit right after a number, and weekday and month names, as part of a value", () => {
    const tokens = maskMessage("estimated size 93.0 B, free 317.1 KB) in 5 seconds");
    expect(tokens.filter((t) => t.valueWord).map((t) => t.raw)).toEqual(["B,", "KB)", "seconds"]);
    expect(maskMessage("Block B stored").some((t) => t.valueWord)).toBe(false);
    expect(
      maskMessage("status=M Fri Jul 01 08:16:53 PDT 2005")
        .filter((t) => t.valueWord)
        .map((t) => t.raw),
    ).toEqual(["Fri", "Jul"]);
    expect(maskToken("1st").masked).toBe("1st");
  });

  it("splits a message on any whitespace", () => {
    expect(maskMessage("  Received  block blk_1 of size 67108864 from /10.251.42.84 ").map((t) => t.masked)).toEqual([
      "Received",
      "block",
      "blk_<NUM>",
      "of",
      "size",
      "<NUM>",
      "from",
      "/<IP>",
    ]);
  });
});
