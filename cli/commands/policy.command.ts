import type { Command } from "commander";
import type { PolicyCheckOptions, PolicyDocsOptions } from "./policy";

/** `icna policy check|docs`: the rule engine loads only when one of them runs. */
export function registerPolicy(program: Command): void {
  const policy = program.command("policy").description("CrossGuard policy rules, offline");
  policy
    .command("check")
    .description("Evaluate every policy rule over a JSON array of {type, name, props} (exit 1 on a mandatory violation)")
    .requiredOption("--resources <file>", 'JSON array of {"type", "name", "props"} (props as in a Pulumi preview; "[unknown]" for computed values), or an icna plan')
    .option("--stack <name>", "stack name; its kind (dev, prod, dr) decides the enforcement levels (default: prod)")
    .option("--kind <kind>", "stack kind when the name does not say: dev, prod or dr")
    .option("--json", "print {violations: [...]} as JSON")
    .action(async (options: PolicyCheckOptions) => {
      const { policyCheck } = await import("./policy");
      process.exitCode = await policyCheck(options);
    });
  policy
    .command("docs")
    .description("Regenerate docs/policies.md and policies/config/*.json from the rule metadata")
    .option("--check", "only verify the committed files are up to date (exit 1 when they are not)")
    .action(async (options: PolicyDocsOptions) => {
      const { policyDocs } = await import("./policy");
      process.exitCode = policyDocs(options);
    });
}
