import type { Command } from "commander";
import { checkResourcesFile, PolicyInputError } from "../../policies/check-file";
import { staleGeneratedFiles, writeGeneratedFiles } from "../../policies/docs/generated-files";
import { checkReportToJson, checkReportToText } from "../../policies/render-check";
import { CliError } from "../cli-error";

/** Exit code for unusable input (the file, the stack name), distinct from 1 = blocked by a mandatory rule. */
export const INPUT_ERROR_EXIT_CODE = 2;

interface CheckOptions {
  readonly resources: string;
  readonly stack?: string;
  readonly kind?: string;
  readonly json?: boolean;
}

async function check(options: CheckOptions): Promise<number> {
  try {
    const report = await checkResourcesFile(options);
    process.stdout.write((options.json ? JSON.stringify(checkReportToJson(report), null, 2) : checkReportToText(report)) + "\n");
    return report.blocked ? 1 : 0;
  } catch (error) {
    if (error instanceof PolicyInputError) throw new CliError(error.message, INPUT_ERROR_EXIT_CODE);
    throw error;
  }
}

function docs(options: { check?: boolean }): number {
  if (options.check) {
    const stale = staleGeneratedFiles();
    if (stale.length > 0) throw new CliError(`out of date: ${stale.join(", ")}; run \`icna policy docs\` and commit the result`, 1);
    process.stdout.write("docs/policies.md and policies/config/*.json are up to date\n");
    return 0;
  }
  for (const file of writeGeneratedFiles()) process.stdout.write(`wrote ${file}\n`);
  return 0;
}

export function registerPolicy(program: Command): void {
  const policy = program.command("policy").description("CrossGuard policy rules, offline");
  policy
    .command("check")
    .description("Evaluate every policy rule over a JSON array of {type, name, props} (exit 1 on a mandatory violation)")
    .requiredOption("--resources <file>", 'JSON array of {"type", "name", "props"} (props as in a Pulumi preview; "[unknown]" for computed values), or an icna plan')
    .option("--stack <name>", "stack name; its kind (dev, prod, dr) decides the enforcement levels (default: prod)")
    .option("--kind <kind>", "stack kind when the name does not say: dev, prod or dr")
    .option("--json", "print {violations: [...]} as JSON")
    .action(async (options: CheckOptions) => {
      process.exitCode = await check(options);
    });
  policy
    .command("docs")
    .description("Regenerate docs/policies.md and policies/config/*.json from the rule metadata")
    .option("--check", "only verify the committed files are up to date")
    .action((options: { check?: boolean }) => {
      process.exitCode = docs(options);
    });
}
