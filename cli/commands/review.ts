import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import { adviseOfflinePlan, advisePreviewFile } from "../../review/advise-stack";
import { PreviewInputError } from "../../review/changes/preview-input-error";
import { renderMarkdown, MARKDOWN_LIMIT } from "../../review/report/render-markdown";
import { renderTerminal } from "../../review/report/render-terminal";
import { toReviewJson } from "../../review/report/review-json";
import { AdvisorReview } from "../../review/review";
import { PROJECT_DIR } from "../../review/plan/stack-plan";
import { reviewToJson, reviewToMarkdown, reviewToTerminal } from "../../review/render-review";
import { reviewStack } from "../../review/review-stack";
import { CliError } from "../cli-error";

export interface ReviewOptions {
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

/** Exit code of a review whose verdict is block. */
export const BLOCKED_EXIT_CODE = 2;


async function asCliError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PreviewInputError) throw new CliError(error.message, 1);
    throw error;
  }
}

/** The advisor's JSON contract; its `stack` object goes to `stackKind` so the offline `stack` key stays a name. */
function advisorFields(advice: AdvisorReview): Record<string, unknown> {
  const { stack, ...contract } = toReviewJson(advice);
  return { ...contract, stackKind: stack.kind };
}

function writeOut(dir: string, files: Record<string, string>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    fs.writeFileSync(path.join(dir, name), content);
    return path.join(dir, name);
  });
}

async function reviewPreviewFile(options: ReviewOptions & { preview: string }): Promise<number> {
  if (options.base) throw new CliError("--preview and --base cannot be combined: --base compares two offline plans (use it with --stack)", 1);
  const { review: advice, stack } = await asCliError(advisePreviewFile(options.preview, options.stack, PROJECT_DIR, { approvals: options.approve, llm: { enabled: options.llm === true } }));
  const resources = advice.changes
    .filter((c) => c.op !== "delete")
    .map((c) => ({ urn: c.urn, type: c.type, name: c.name, parent: c.parent ?? null, inputs: c.newInputs ?? {}, dependencies: c.dependencies, protect: c.protect.new ?? false, custom: c.custom, ...(c.provider ? { provider: c.provider } : {}) }));
  const json = { stack: stack.name, resources, ...advisorFields(advice), ...(stack.note ? { stackNote: stack.note } : {}) };
  const markdown = renderMarkdown(advice);
  const written = options.out ? writeOut(options.out, { "advisor.json": JSON.stringify(json, null, 2) + "\n", "advisor.md": markdown }) : [];
  const header = `ICNA advisor review of ${options.preview} (${advice.source}${stack.note ? `; ${stack.note}` : ""})\n`;
  process.stdout.write(options.json ? JSON.stringify(json, null, 2) + "\n" : options.markdown ? markdown : header + renderTerminal(advice, { color: process.stdout.isTTY }));
  if (written.length > 0 && !options.json && !options.markdown) process.stdout.write(`\nWrote ${written.join(" and ")}\n`);
  return advice.exitCode;
}

export async function review(options: ReviewOptions): Promise<number> {
  if (options.preview) return reviewPreviewFile({ ...options, preview: options.preview });
  if (!options.stack) throw new CliError("review needs --stack <name> (e.g. --stack prod)", 1);
  const result = await reviewStack(options.stack);
  const { config, plan } = result.context;
  const advice = await asCliError(adviseOfflinePlan({ name: options.stack, kind: config.environment, region: config.region }, plan, options.base, { approvals: options.approve, llm: { enabled: options.llm === true } }));
  // The advisor's gate (risks, policies, approvals) is the review's one verdict.
  const { verdict } = advice;
  const json = { ...reviewToJson(result), ...advisorFields(advice), verdict };
  const advisorMarkdown = renderMarkdown(advice);
  const offlineMarkdown = reviewToMarkdown(result);
  const markdown =
    advisorMarkdown.length + offlineMarkdown.length + 200 < MARKDOWN_LIMIT ? `${advisorMarkdown}\n<details><summary>Offline plan</summary>\n\n${offlineMarkdown}\n</details>\n` : advisorMarkdown;
  const written = options.out ? writeOut(options.out, { "plan.json": JSON.stringify(plan, null, 2) + "\n", "review.md": offlineMarkdown, "advisor.md": advisorMarkdown, "advisor.json": JSON.stringify(json, null, 2) + "\n" }) : [];
  const terminal = `${reviewToTerminal(result)}\n\n## Advisor${options.base ? ` (difference from ${options.base})` : ""}\n${renderTerminal(advice, { color: process.stdout.isTTY })}\nVerdict: ${verdict}\n`;
  process.stdout.write(options.json ? JSON.stringify(json, null, 2) + "\n" : options.markdown ? markdown : terminal);
  if (written.length > 0 && !options.json && !options.markdown) process.stdout.write(`\nWrote ${written.join(", ")}\n`);
  return verdict === "block" ? BLOCKED_EXIT_CODE : 0;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerReview(program: Command): void {
  program
    .command("review")
    .description("Plan a stack offline (the real program under Pulumi's mocks, preview mode) and review it: policies, risks, cost, verdict")
    .option("--stack <name>", "stack to review: dev, prod, dr (a Pulumi.<name>.yaml must exist)")
    .option("--preview <file>", "review a real preview instead: pulumi preview --json output, an --event-log file or an Automation API events array")
    .option("--base <plan.json>", "review the difference from this offline plan (e.g. main's, from --out)")
    .option("--approve <id>", "approve one blocking finding by its id (repeatable)", collect)
    .option("--json", "print the machine-readable review")
    .option("--markdown", "print the review as a pull-request comment")
    .option("--llm", "ask the LLM (OPENAI_API_KEY, OPENAI_BASE_URL, ICNA_ADVISOR_MODEL) for a summary and extra findings")
    .option("--out <dir>", "also write plan.json, review.md, advisor.md (the PR comment) and advisor.json into this directory")
    .action(async (options: ReviewOptions) => {
      process.exitCode = await review(options);
    });
}
