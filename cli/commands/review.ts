import { llmOptionsFromFlag } from "../../review/llm/llm-options";
import { PreviewInputError } from "../../review/changes/preview-input-error";
import { renderMarkdown } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { writeReviewFiles } from "../../review/report/review-files";
import { toReviewJson } from "../../review/report/review-json";
import { ReviewRequest, runReview } from "../../review/run-review";
import { assertApprovalsMatch } from "../approvals";
import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";

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
    if (options.base) throw new CliError("--preview and --base cannot be combined: --base compares two offline plans (use it with --stack)", ExitCode.Usage);
    return { from: "preview", file: options.preview, stack: options.stack };
  }
  if (!options.stack) throw new CliError("review needs --stack <name> (e.g. --stack prod)", ExitCode.Usage);
  return { from: "stack", stack: options.stack, base: options.base };
}

/** `icna review`: one review of the requested input, printed in one format; returns the exit code. */
export async function review(options: ReviewCliOptions): Promise<number> {
  const request = requestOf(options);
  const run = await runReview(request, { approvals: options.approve, llm: llmOptionsFromFlag(options.llm) }).catch((error: unknown) => {
    throw error instanceof PreviewInputError ? new CliError(error.message, ExitCode.Usage) : error;
  });
  assertApprovalsMatch(run.review);
  const written = options.out ? writeReviewFiles(options.out, run) : [];
  if (options.json) process.stdout.write(JSON.stringify(toReviewJson(run.review), null, 2) + "\n");
  else if (options.markdown) process.stdout.write(renderMarkdown(run.review));
  else process.stdout.write(renderTerminal(run.review, { color: process.stdout.isTTY }) + (written.length > 0 ? `\nWrote ${written.join(", ")}\n` : ""));
  return run.review.exitCode;
}
