import * as fs from "node:fs";
import * as path from "node:path";
import { ExitCode } from "../../cli/exit-codes";
import type { PolicyViolation, StackKind, UndecidedCheck } from "../../policies/model";
import { NO_OP_OPS } from "../../review/changes/change";
import { changesFromEngineEvents } from "../../review/changes/from-engine-events";
import { LlmOptions } from "../../review/llm/llm-options";
import { toReviewJson } from "../../review/report/review-json";
import { Review, reviewChangeSet } from "../../review/review";
import { DeployEngine, EngineEventJson } from "./deploy-engine";

export interface DeployOptions {
  readonly stack: { readonly name: string; readonly kind: StackKind; readonly region?: string };
  readonly engine: DeployEngine;
  /** Where the preview's event log, the saved plan and the review are written. */
  readonly outDir: string;
  /** The saved plan path. @default <outDir>/plan.json */
  readonly planPath?: string;
  readonly policyPacks: readonly string[];
  readonly policyPackConfigs: readonly string[];
  readonly approvals: readonly string[];
  readonly llm?: LlmOptions;
  /** Offline policy results to fold into the review, computed from the previewed changes. */
  readonly evaluatePolicy?: (review: { changes: Review["changes"] }) => { violations: readonly PolicyViolation[]; rulesEvaluated: number; undecided?: readonly UndecidedCheck[] } | undefined;
  /** Stop after the review (CI on pull requests): never asks, never applies. */
  readonly previewOnly?: boolean;
  /** Shows the review before the question (terminal report). */
  readonly show: (review: Review) => void;
  /** Asks whether to apply; `--yes` answers true without asking. */
  readonly confirm: (review: Review) => Promise<boolean>;
}

export type DeployOutcome =
  | { readonly status: "blocked"; readonly exitCode: typeof ExitCode.Problem; readonly review: Review }
  | { readonly status: "no-changes"; readonly exitCode: typeof ExitCode.Success; readonly review: Review }
  | { readonly status: "previewed"; readonly exitCode: typeof ExitCode.Success; readonly review: Review }
  | { readonly status: "declined"; readonly exitCode: typeof ExitCode.Problem; readonly review: Review }
  | { readonly status: "applied"; readonly exitCode: typeof ExitCode.Success; readonly review: Review; readonly summary: Readonly<Record<string, number>> };

/**
 * `icna deploy`: preview with the policy pack and an event log, saving the update plan; review the
 * events; stop on a block; ask; then `pulumi up --plan` so that exactly the reviewed plan is applied
 * (the engine refuses an `up` that would deviate from it).
 */
export async function runDeploy(options: DeployOptions): Promise<DeployOutcome> {
  fs.mkdirSync(options.outDir, { recursive: true });
  const planPath = options.planPath ?? path.join(options.outDir, "plan.json");
  const eventLogPath = path.join(options.outDir, "preview-events.jsonl");
  fs.writeFileSync(eventLogPath, "");
  const events: EngineEventJson[] = [];
  await options.engine.preview({
    stack: options.stack.name,
    policyPacks: options.policyPacks,
    policyPackConfigs: options.policyPackConfigs,
    planPath,
    onEvent: (event) => {
      events.push(event);
      fs.appendFileSync(eventLogPath, JSON.stringify(event) + "\n");
    },
  });
  const changeSet = changesFromEngineEvents(
    events.map((event, i) => ({ event, where: `event ${i + 1}` })),
    "automation-events",
    eventLogPath,
  );
  const policy = options.evaluatePolicy?.({ changes: changeSet.changes });
  const review = await reviewChangeSet({ changes: changeSet, stack: options.stack, approvals: options.approvals, llm: options.llm, policy });
  fs.writeFileSync(path.join(options.outDir, "review.json"), JSON.stringify(toReviewJson(review), null, 2) + "\n");
  options.show(review);

  if (review.verdict === "block") return { status: "blocked", exitCode: ExitCode.Problem, review };
  if (review.changes.every((c) => NO_OP_OPS.has(c.op))) return { status: "no-changes", exitCode: ExitCode.Success, review };
  if (options.previewOnly) return { status: "previewed", exitCode: ExitCode.Success, review };
  if (!fs.existsSync(planPath)) throw new Error(`the preview did not save its plan at ${planPath}; refusing to run an unplanned up`);
  if (!(await options.confirm(review))) return { status: "declined", exitCode: ExitCode.Problem, review };
  const { summary } = await options.engine.up({ stack: options.stack.name, planPath, onEvent: (event) => fs.appendFileSync(path.join(options.outDir, "up-events.jsonl"), JSON.stringify(event) + "\n") });
  return { status: "applied", exitCode: ExitCode.Success, review, summary };
}
