import type { Command } from "commander";
import { LLM_FLAG } from "../../review/llm/llm-options";
import { collect } from "../repeatable-option";
import type { DeployCliOptions } from "./deploy";

/** `icna deploy`: the Automation API, the review pipeline and the policy pack load only when it runs. */
export function registerDeploy(program: Command): void {
  program
    .command("deploy")
    .description("Preview with the policy pack, review every change, confirm (or block), then apply exactly the reviewed plan (pulumi up --plan)")
    .option("--stack <name>", "stack to deploy: dev, prod, dr")
    .option("--approve <id>", "approve one blocking finding by its id (repeatable; an id that approves nothing is an error)", collect)
    .option("--yes", "apply without asking once the review does not block (CI behind a protected environment)")
    .option("--save-plan <file>", "where to save the reviewed update plan (default: <out>/plan.json)")
    .option("--out <dir>", "where the event log, plan and review go (default: .icna/deploy/<stack>)")
    .option("--policy-pack <dir>", "CrossGuard policy pack directory (default: policies)")
    .option(LLM_FLAG.flags, LLM_FLAG.description)
    .option("--json", "print the review as JSON (the advisor contract)")
    .option("--markdown <file>", "also write the review as a Markdown comment")
    .option("--preview-only", "stop after the review: the pull-request check (exit 1 when it blocks)")
    .action(async (options: DeployCliOptions) => {
      const { deployCommand } = await import("./deploy");
      process.exitCode = await deployCommand(options);
    });
}
