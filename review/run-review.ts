import * as fs from "node:fs";
import { OfflinePlan } from "./plan/model";
import { ChangeSet } from "./changes/change";
import { changesFromOfflinePlan } from "./changes/from-offline-plan";
import { changesFromPlanDiff } from "./changes/from-plan-diff";
import { loadChangeSet } from "./changes/load-change-set";
import { parseJsonDocument } from "./changes/json-stream";
import { PreviewInputError } from "./changes/preview-input-error";
import { readOfflinePlan } from "./changes/read-offline-plan";
import { isObject } from "./changes/shape-checks";
import { LlmOptions } from "./llm/llm-options";
import { planStack, PROJECT_DIR } from "./plan/stack-plan";
import { evaluateChangePolicies } from "./policy-input";
import { Review, reviewChangeSet } from "./review";
import { identifyStack, stackFromUrn, StackIdentity } from "./stack-identity";

/** What to review: a stack planned offline (whole, or its difference from a base plan), or a real preview file. */
export type ReviewRequest =
  | {
      readonly from: "stack";
      /** Stack name: Pulumi.<stack>.yaml must exist. */
      readonly stack: string;
      /** An offline plan (`plan.json` written by `--out`) to review the difference from. */
      readonly base?: string;
    }
  | {
      readonly from: "preview";
      /** `pulumi preview --json` output, an `--event-log` file or an Automation API events array. */
      readonly file: string;
      /** The stack, when the preview's URNs should not decide it. */
      readonly stack?: string;
    };

export interface ReviewOptions {
  /** Finding ids approved with `--approve`. */
  readonly approvals?: readonly string[];
  /** LLM settings; without an API key the review is deterministic only. */
  readonly llm?: LlmOptions;
  /** Where Pulumi.<stack>.yaml lives. @default the repository root */
  readonly projectDir?: string;
}

/** One review, plus the offline plan it was made from (written as plan.json by `--out`). */
export interface ReviewRun {
  readonly review: Review;
  readonly plan?: OfflinePlan;
}

/** Reads a base plan file (`icna review --out <dir>` wrote it as plan.json). */
export function readPlanFile(file: string): Pick<OfflinePlan, "resources"> {
  if (!fs.existsSync(file)) throw new PreviewInputError(`--base ${file} does not exist: write it with \`icna review --stack <s> --out <dir>\` on the base branch`);
  const document = parseJsonDocument(fs.readFileSync(file, "utf8"), file);
  if (!isObject(document)) throw new PreviewInputError(`${file}: an offline plan is a JSON object with "resources"`);
  return readOfflinePlan(document, file);
}

async function reviewSet(set: ChangeSet, stack: StackIdentity, options: ReviewOptions, outputs?: OfflinePlan["outputs"]): Promise<Review> {
  // A preview run with the policy pack already carries the pack's verdicts as policy events.
  const policy = set.policyEvents.length > 0 ? undefined : evaluateChangePolicies(set.changes, stack);
  return reviewChangeSet({ changes: set, stack, outputs, policy, approvals: options.approvals, llm: options.llm });
}

/** A stack's offline plan: every resource a create, or only the difference from a base plan. */
export async function reviewOfflinePlan(stack: StackIdentity, plan: Pick<OfflinePlan, "resources"> & Partial<Pick<OfflinePlan, "outputs">>, base: Pick<OfflinePlan, "resources"> | undefined, options: ReviewOptions = {}): Promise<Review> {
  const set = base ? changesFromPlanDiff(base, plan) : changesFromOfflinePlan(plan);
  return reviewSet(set, stack, options, plan.outputs);
}

/** A real preview file of any supported format; the stack comes from `stackName` or the URNs. */
export async function reviewPreviewFile(file: string, stackName: string | undefined, options: ReviewOptions = {}): Promise<Review> {
  const set = loadChangeSet(file);
  const name = stackName ?? set.changes.map((c) => stackFromUrn(c.urn)).find((s) => s !== undefined);
  if (!name) throw new PreviewInputError(`${file} names no stack (no resources): pass --stack <name>`);
  return reviewSet(set, identifyStack(name, options.projectDir ?? PROJECT_DIR), options);
}

/** The one entry point of `icna review`: input → changes → findings, policy, cost, LLM → verdict. */
export async function runReview(request: ReviewRequest, options: ReviewOptions = {}): Promise<ReviewRun> {
  if (request.from === "preview") return { review: await reviewPreviewFile(request.file, request.stack, options) };
  // Read the base first: a bad --base file fails before the seconds spent planning.
  const base = request.base ? readPlanFile(request.base) : undefined;
  const { config, plan } = await planStack(request.stack, options.projectDir ?? PROJECT_DIR);
  const stack: StackIdentity = { name: request.stack, kind: config.environment, region: config.region };
  return { review: await reviewOfflinePlan(stack, plan, base, options), plan };
}
