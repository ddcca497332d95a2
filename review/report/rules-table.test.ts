import * as fs from "node:fs";
import * as path from "node:path";
import { gateThresholdsTable, priceTableSummary, riskRulesTable } from "./rules-table";

const DOC = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "review.md"), "utf8");

it("docs/review.md shows the rules, gate and price table exactly as the code defines them", () => {
  expect(DOC).toContain(`<!-- generated: riskRulesTable() -->\n${riskRulesTable()}\n<!-- /generated -->`);
  expect(DOC).toContain(`<!-- generated: gateThresholdsTable() -->\n${gateThresholdsTable()}\n<!-- /generated -->`);
  expect(DOC).toContain(priceTableSummary());
});
