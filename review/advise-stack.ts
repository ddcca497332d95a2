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
import { evaluateChangePolicies } from "./policy-input";
import { AdvisorReview, reviewChangeSet } from "./review";
import { identifyStack, stackFromUrn, StackIdentity } from "./stack-identity";

export interface AdviseOptions {
  readonly approvals?: readonly string[];
  readonly llm?: LlmOptions;
}

async function advise(set: ChangeSet, stack: StackIdentity, options: AdviseOptions): Promise<AdvisorReview> {
  // A preview run with the policy pack already carries the pack's verdicts as policy events.
  const policy = set.policyEvents.length > 0 ? undefined : evaluateChangePolicies(set.changes, stack);
  return reviewChangeSet({ changes: set, stack, policy, approvals: options.approvals, llm: options.llm });
}

/** Reads a base plan file (`icna review --out <dir>` wrote it as plan.json). */
export function readPlanFile(file: string): Pick<OfflinePlan, "resources"> {
  if (!fs.existsSync(file)) throw new PreviewInputError(`--base ${file} does not exist: write it with \`icna review --stack <s> --out <dir>\` on the base branch`);
  const document = parseJsonDocument(fs.readFileSync(file, "utf8"), file);
  if (!isObject(document)) throw new PreviewInputError(`${file}: an offline plan is a JSON object with "resources"`);
  return readOfflinePlan(document, file);
}

/** Reviews a stack's offline plan: every resource a create, or the difference from a base plan. */
export async function adviseOfflinePlan(stack: StackIdentity, plan: Pick<OfflinePlan, "resources">, basePlanFile: string | undefined, options: AdviseOptions = {}): Promise<AdvisorReview> {
  const set = basePlanFile ? changesFromPlanDiff(readPlanFile(basePlanFile), plan) : changesFromOfflinePlan(plan);
  return advise(set, stack, options);
}

/** Reviews a real preview file of any supported format; the stack comes from `stackName` or the URNs. */
export async function advisePreviewFile(file: string, stackName: string | undefined, projectDir: string, options: AdviseOptions = {}): Promise<{ review: AdvisorReview; stack: StackIdentity }> {
  const set = loadChangeSet(file);
  const name = stackName ?? set.changes.map((c) => stackFromUrn(c.urn)).find((s) => s !== undefined);
  if (!name) throw new PreviewInputError(`${file} names no stack (no resources): pass --stack <name>`);
  const stack = identifyStack(name, projectDir);
  return { review: await advise(set, stack, options), stack };
}
