import * as fs from "node:fs";
import * as path from "node:path";
import { quotedRows, quotes, unsupportedFigures } from "./readme-figures";

const ROOT = path.resolve(__dirname, "..");
const RESULTS = path.join(__dirname, "results");

describe("README benchmark figures", () => {
  it("every row of every table in the README's Benchmarks section is a row of its suite's bench/results table", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(quotedRows(readme).length).toBeGreaterThan(20);
    expect(unsupportedFigures(readme, RESULTS)).toEqual([]);
  });

  it("finds a figure that differs from the results, and a table that names no suite", () => {
    const readme = (table: string) => `# x\n\n## Benchmarks\n\n${table}\n\n## Next\n`;
    const advisor = "### Policies, advisor (`npm run bench -- advisor`)\n\n| Stack | Resources | Cost |\n|---|---:|---:|\n";
    // $0.42 is no stack's monthly cost: a figure typed by hand, not taken from the results.
    expect(unsupportedFigures(readme(`${advisor}| dev | $0.42 |`), RESULTS)).toEqual(["README.md:9: | dev | $0.42 | is in no row of results/advisor.md"]);
    expect(unsupportedFigures(readme("`npm run bench -- nonesuch`\n\n| a | b |\n|---|---|\n| 1 | 2 |"), RESULTS)).toEqual(['README.md:9: names suite "nonesuch", which has no results/nonesuch.md']);
    expect(quotedRows(readme("### NAB (`npm run bench -- nab`)\n\nScored as `npm run bench -- nab-scorer` checks.\n\n| a | b |\n|---|---|\n| 1 | 2 |"))[0].suite).toBe("nab");
    expect(() => quotedRows(readme("| a | b |\n|---|---|\n| 1 | 2 |"))).toThrow(/a benchmark table before any `npm run bench -- <suite>` names its suite/);
  });

  it("lets the README leave columns out, not reorder, rename or round them", () => {
    const row = ["dev", "197", "23.0", "11", "warn", "$1,798", "10"];
    expect(quotes(["dev", "197", "warn", "$1,798"], row)).toBe(true);
    expect(quotes(["dev", "warn", "197"], row)).toBe(false);
    expect(quotes(["prod", "197"], row)).toBe(false);
    expect(quotes(["dev", "23"], row)).toBe(false);
  });
});
