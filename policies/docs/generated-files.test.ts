import { generatedFiles, staleGeneratedFiles } from "./generated-files";
import { RULES } from "../rules";

describe("files generated from the rule metadata", () => {
  test("the committed docs/policies.md and policies/config/*.json are up to date (run `npx icna policy docs` after changing a rule)", () => {
    expect(staleGeneratedFiles()).toEqual([]);
  });

  test("the docs table has a row per rule with its levels and Checkov ids", () => {
    const docs = generatedFiles().find((f) => f.path === "docs/policies.md")!.content;
    for (const rule of RULES) expect(docs).toContain(`| \`${rule.name}\` | ${rule.description.replace(/\|/g, "\\|").replace(/</g, "&lt;")}`);
    expect(docs).toContain("| `rds-not-public` | RDS database instances are not publicly accessible. | critical | **mandatory** | **mandatory** | **mandatory** | CKV_AWS_17 |");
  });

  test("each stack kind's config sets every rule's level and the kind", () => {
    for (const kind of ["dev", "prod", "dr"] as const) {
      const config = JSON.parse(generatedFiles().find((f) => f.path === `policies/config/${kind}.json`)!.content);
      expect(Object.keys(config).sort()).toEqual(RULES.map((r) => r.name).sort());
      for (const rule of RULES) expect(config[rule.name]).toEqual({ enforcementLevel: rule.enforcement[kind], stackKind: kind });
    }
  });
});
