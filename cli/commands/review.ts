import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { reviewToJson, reviewToMarkdown, reviewToTerminal } from "../../review/render-review";
import { reviewStack } from "../../review/review-stack";
import { CliError } from "../cli-error";

export interface ReviewOptions {
  readonly stack?: string;
  readonly json?: boolean;
  readonly out?: string;
}

/** Exit code of a review whose verdict is block. */
export const BLOCKED_EXIT_CODE = 2;

export async function review(options: ReviewOptions): Promise<number> {
  if (!options.stack) throw new CliError("review needs --stack <name> (e.g. --stack prod)", 1);
  const result = await reviewStack(options.stack);
  if (options.out) {
    fs.mkdirSync(options.out, { recursive: true });
    fs.writeFileSync(path.join(options.out, "plan.json"), JSON.stringify(result.context.plan, null, 2) + "\n");
    fs.writeFileSync(path.join(options.out, "review.md"), reviewToMarkdown(result));
  }
  process.stdout.write(options.json ? JSON.stringify(reviewToJson(result), null, 2) + "\n" : reviewToTerminal(result) + "\n");
  if (options.out && !options.json) process.stdout.write(`\nWrote ${path.join(options.out, "plan.json")} and ${path.join(options.out, "review.md")}\n`);
  return result.verdict === "block" ? BLOCKED_EXIT_CODE : 0;
}

export function registerReview(program: Command): void {
  program
    .command("review")
    .description("Plan a stack offline (the real program under Pulumi's mocks, preview mode) and review it")
    .option("--stack <name>", "stack to review: dev, prod, dr (a Pulumi.<name>.yaml must exist)")
    .option("--json", "print the machine-readable review")
    .option("--out <dir>", "also write plan.json and review.md into this directory")
    .action(async (options: ReviewOptions) => {
      process.exitCode = await review(options);
    });
}
