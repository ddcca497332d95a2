import type { Command } from "commander";
import { LLM_FLAG } from "../../review/llm/llm-options";
import { collect } from "../repeatable-option";
import type { ReviewCliOptions } from "./review";

/** `icna review`: the stack program, the Pulumi SDKs and the review pipeline load only when it runs. */
export function registerReview(program: Command): void {
  program
    .command("review")
    .description("Review a stack's offline plan (the real program under Pulumi's mocks, preview mode) or a real preview: policies, risks, cost, verdict (exit 1 when it blocks)")
    .option("--stack <name>", "stack to review: dev, prod, dr (a Pulumi.<name>.yaml must exist)")
    .option("--preview <file>", "review a real preview instead: pulumi preview --json output, an --event-log file or an Automation API events array")
    .option("--base <plan.json>", "review the difference from this offline plan (e.g. main's, from --out)")
    .option("--approve <id>", "approve one blocking finding by its id (repeatable; an id that approves nothing is an error)", collect)
    .option("--json", "print the review as JSON (review/report/review.schema.json)")
    .option("--markdown", "print the review as the pull-request comment")
    .option(LLM_FLAG.flags, LLM_FLAG.description)
    .option("--out <dir>", "also write review.json, review.md (the PR comment) and, for --stack, plan.json into this directory")
    .action(async (options: ReviewCliOptions) => {
      const { review } = await import("./review");
      process.exitCode = await review(options);
    });
}
