import type { Command } from "commander";
import { PreviewInputError } from "../../review/changes/preview-input-error";
import { renderMarkdown } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { writeReviewFiles } from "../../review/report/review-files";
import { toReviewJson } from "../../review/report/review-json";
import { ReviewRequest, runReview } from "../../review/run-review";
import { CliError } from "../cli-error";

export interface ReviewCliOptions {
  readonly stack?: string;
  readonly json?: boolean;
  readonly out?: string;
  /** A real preview to review: `pulumi preview --json` output, an `--event-log` file, or an Automation API events array. */
  readonly preview?: string;
  /** An offline plan (plan.json from `--out`) to diff the stack's plan against. */
  readonly base?: string;
  readonly approve?: string[];
  readonly markdown?: boolean;
  readonly llm?: boolean;
}

function requestOf(options: ReviewCliOptions): ReviewRequest {
  if (options.preview) {
    if (options.base) throw new CliError("--preview and --base cannot be combined: --base compares two offline plans (use it with --stack)", 1);
    return { from: "preview", file: options.preview, stack: options.stack };
  }
  if (!options.stack) throw new CliError("review needs --stack <name> (e.g. --stack prod)", 1);
  return { from: "stack", stack: options.stack, base: options.base };
}

/** `icna review`: one review of the requested input, printed in one format; returns the exit code. */
export async function review(options: ReviewCliOptions): Promise<number> {
  const request = requestOf(options);
  const run = await runReview(request, { approvals: options.approve, llm: { enabled: options.llm === true } }).catch((error: unknown) => {
    throw error instanceof PreviewInputError ? new CliError(error.message, 1) : error;
  });
  const written = options.out ? writeReviewFiles(options.out, run) : [];
  if (options.json) process.stdout.write(JSON.stringify(toReviewJson(run.review), null, 2) + "\n");
  else if (options.markdown) process.stdout.write(renderMarkdown(run.review));
  else process.stdout.write(renderTerminal(run.review, { color: process.stdout.isTTY }) + (written.length > 0 ? `\nWrote ${written.join(", ")}\n` : ""));
  return run.review.exitCode;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerReview(program: Command): void {
  program
    .command("review")
    .description("Review a stack's offline plan (the real program under Pulumi's mocks, preview mode) or a real preview: policies, risks, cost, verdict")
    .option("--stack <name>", "stack to review: dev, prod, dr (a Pulumi.<name>.yaml must exist)")
    .option("--preview <file>", "review a real preview instead: pulumi preview --json output, an --event-log file or an Automation API events array")
    .option("--base <plan.json>", "review the difference from this offline plan (e.g. main's, from --out)")
    .option("--approve <id>", "approve one blocking finding by its id (repeatable)", collect)
    .option("--json", "print the review as JSON (review/report/review.schema.json)")
    .option("--markdown", "print the review as the pull-request comment")
    .option("--llm", "ask the LLM (OPENAI_API_KEY, OPENAI_BASE_URL, ICNA_ADVISOR_MODEL) for a summary and extra findings")
    .option("--out <dir>", "also write review.json, review.md (the PR comment) and, for --stack, plan.json into this directory")
    .action(async (options: ReviewCliOptions) => {
      process.exitCode = await review(options);
    });
}
