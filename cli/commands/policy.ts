import { checkResourcesFile, PolicyInputError } from "../../policies/check-file";
import { staleGeneratedFiles, writeGeneratedFiles } from "../../policies/docs/generated-files";
import { checkReportToJson, checkReportToText } from "../../policies/render-check";
import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";

export interface PolicyCheckOptions {
  readonly resources: string;
  readonly stack?: string;
  readonly kind?: string;
  readonly json?: boolean;
}

/** `icna policy check`: exit 1 when a mandatory rule is violated, 2 when the file or the stack is unusable. */
export async function policyCheck(options: PolicyCheckOptions): Promise<ExitCode> {
  try {
    const report = await checkResourcesFile(options);
    process.stdout.write((options.json ? JSON.stringify(checkReportToJson(report), null, 2) : checkReportToText(report)) + "\n");
    return report.blocked ? ExitCode.Problem : ExitCode.Success;
  } catch (error) {
    if (error instanceof PolicyInputError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}

export interface PolicyDocsOptions {
  readonly check?: boolean;
}

/** `icna policy docs [--check]`: regenerate the policy docs, or exit 1 when the committed ones are stale. */
export function policyDocs(options: PolicyDocsOptions): ExitCode {
  if (options.check) {
    const stale = staleGeneratedFiles();
    if (stale.length > 0) throw new CliError(`out of date: ${stale.join(", ")}; run \`icna policy docs\` and commit the result`, ExitCode.Problem);
    process.stdout.write("docs/policies.md and policies/config/*.json are up to date\n");
    return ExitCode.Success;
  }
  for (const file of writeGeneratedFiles()) process.stdout.write(`wrote ${file}\n`);
  return ExitCode.Success;
}
