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

describe("csvRows", () => {
  it("reads quoted fields with commas, quotes and CRLF", () => {
    expect(csvRows('a,"b,c","d ""e"""\r\n1,2,3')).toEqual([
      ["a", "b,c", 'd "e"'],
      ["1", "2", "3"],
    ]);
  });
});
