import * as fs from "node:fs";
import * as path from "node:path";
import { packConfig } from "../crossguard/pack-config";
import { STACK_KINDS } from "../model";
import { Rule } from "../rule";
import { RULES } from "../rules";
import { renderPoliciesMarkdown } from "./render";
import { PROJECT_DIR } from "../../stacks/config/project-dir";

export interface GeneratedFile {
  /** Path relative to the repository root. */
  readonly path: string;
  readonly content: string;
}

/** Every file generated from the rule metadata: the docs table and the per-kind CrossGuard configs. */
export function generatedFiles(rules: readonly Rule[] = RULES): GeneratedFile[] {
  return [
    { path: "docs/policies.md", content: renderPoliciesMarkdown(rules) },
    ...STACK_KINDS.map((kind) => ({ path: `policies/config/${kind}.json`, content: JSON.stringify(packConfig(rules, kind), null, 2) + "\n" })),
  ];
}

/** Generated files whose committed content differs from what the metadata gives. */
export function staleGeneratedFiles(root: string = PROJECT_DIR, rules: readonly Rule[] = RULES): string[] {
  return generatedFiles(rules)
    .filter((file) => {
      const full = path.join(root, file.path);
      return !fs.existsSync(full) || fs.readFileSync(full, "utf8") !== file.content;
    })
    .map((file) => file.path);
}

/** Writes every generated file; returns the paths written. */
export function writeGeneratedFiles(root: string = PROJECT_DIR, rules: readonly Rule[] = RULES): string[] {
  return generatedFiles(rules).map((file) => {
    const full = path.join(root, file.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file.content);
    return file.path;
  });
}
