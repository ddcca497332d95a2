import * as fs from "node:fs";
import * as path from "node:path";
import { ReviewRun } from "../run-review";
import { renderMarkdown } from "./render-markdown";
import { toReviewJson } from "./review-json";

/** The PR comment's file name in `--out <dir>`. */
export const COMMENT_FILE = "review.md";

/** What `icna review --out <dir>` writes: review.json (the contract), review.md (the PR comment) and, for an offline plan, plan.json (a later --base). */
export function reviewFiles(run: ReviewRun): Record<string, string> {
  return {
    "review.json": JSON.stringify(toReviewJson(run.review), null, 2) + "\n",
    [COMMENT_FILE]: renderMarkdown(run.review),
    ...(run.plan ? { "plan.json": JSON.stringify(run.plan, null, 2) + "\n" } : {}),
  };
}

/** Writes the review's files into `dir` (created when missing); returns their paths. */
export function writeReviewFiles(dir: string, run: ReviewRun): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(reviewFiles(run)).map(([name, content]) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  });
}
