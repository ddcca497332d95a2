import * as fs from "node:fs";
import * as path from "node:path";
import { DATA_TIER_DEFAULTS } from "./data-tier-schema";
import { ENVIRONMENTS } from "./schema";

/** The defaults table of docs/data-tier.md must say exactly what DATA_TIER_DEFAULTS does. */
describe("docs/data-tier.md defaults table", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/data-tier.md"), "utf8");
  const lines = doc.split("\n");
  const header = lines.findIndex((line) => line.startsWith("| Setting | dev | prod | dr |"));
  const rows = lines
    .slice(header + 2)
    .filter((_, i, all) => all.slice(0, i + 1).every((line) => line.startsWith("|")))
    .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));

  const flatten = (value: object, prefix = ""): [string, string][] =>
    Object.entries(value).flatMap(([key, v]): [string, string][] => (v !== null && typeof v === "object" ? flatten(v as object, `${prefix}${key}.`) : [[`${prefix}${key}`, String(v)]]));

  it("has one row per default, in the table's column order", () => {
    expect(header).toBeGreaterThan(0);
    expect(ENVIRONMENTS).toEqual(["dev", "prod", "dr"]);
    const expected = flatten(DATA_TIER_DEFAULTS.dev).map(([setting]) => [setting, ...ENVIRONMENTS.map((env) => String(new Map(flatten(DATA_TIER_DEFAULTS[env])).get(setting)))]);
    expect(rows).toEqual(expected);
  });
});
