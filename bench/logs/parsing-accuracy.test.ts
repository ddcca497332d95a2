import { correctTemplate } from "./corrected-template";
import { csvRows } from "./csv-rows";
import { groupingAccuracy, normaliseTemplate, parsingAccuracy, type ParsedLine } from "./parsing-accuracy";

const line = (predicted: string, event: string, template = "", truth = ""): ParsedLine => ({
  predicted,
  event,
  template,
  truth,
});

describe("groupingAccuracy", () => {
  it("counts a line only when its predicted group is exactly its event's lines", () => {
    expect(groupingAccuracy([line("a", "E1"), line("a", "E1"), line("b", "E2")])).toBe(1);
    // E1 split over two groups: its three lines are wrong; E2 is right.
    expect(groupingAccuracy([line("a", "E1"), line("a", "E1"), line("c", "E1"), line("b", "E2")])).toBe(0.25);
    // One group holding two events: all its lines are wrong.
    expect(groupingAccuracy([line("a", "E1"), line("a", "E2")])).toBe(0);
  });
});

describe("parsingAccuracy", () => {
  it("compares templates with typed placeholders read as <*>", () => {
    expect(normaliseTemplate("Received  blk_<NUM> from /<IP> <*>")).toBe("Received blk_<*> from /<*>");
    expect(
      parsingAccuracy([line("a", "E1", "size <NUM>", "size <*>"), line("a", "E1", "size <NUM> x", "size <*>")]),
    ).toBe(0.5);
  });
});

describe("correctTemplate (Khan et al.'s rules)", () => {
  it.each([
    ["Received block blk_<*> of size <*> from /<*>:<*>", "Received block <*> of size <*> from <*>"],
    ["Deleting block blk_<*> file /<*>/blk_<*>", "Deleting block <*> file <*>"],
    ["timeout of <*>ms exceeded", "timeout of <*> exceeded"],
    ["Progress of TaskAttempt attempt_<*>_<*>_m_<*>_<*> is : <*>.<*>", "Progress of TaskAttempt <*> is : <*>"],
    ["opt-in: False  retry 3 as root", "opt-in: <*> retry <*> as <*>"],
    ["#<*># copied <*>:<*> to <*>/<*>", "<*> copied <*> to <*>/<*>"],
  ])("%s -> %s", (template, corrected) => {
    expect(correctTemplate(template)).toBe(corrected);
  });

  it("compares our templates with the corrected ground truth after the same rules on both sides", () => {
    const ours = "Receiving block blk_<NUM> src: /<IP>:<NUM> dest: /<IP>:<NUM>";
    const truth = "Receiving block <*> src: <*> dest: <*>";
    expect(parsingAccuracy([line("a", "E1", ours, truth)], "plain")).toBe(0);
    expect(parsingAccuracy([line("a", "E1", ours, truth)], "corrected")).toBe(1);
    // A constant the ground truth keeps must still be kept.
    expect(parsingAccuracy([line("a", "E1", "Receiving <*> src: <*>", truth)], "corrected")).toBe(0);
  });
});

describe("csvRows", () => {
  it("reads quoted fields with commas, quotes and CRLF", () => {
    expect(csvRows('a,"b,c","d ""e"""\r\n1,2,3')).toEqual([
      ["a", "b,c", 'd "e"'],
      ["1", "2", "3"],
    ]);
  });
});
