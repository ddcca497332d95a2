import type { Clock } from "../../clock";
import type { Confirm } from "./ports";
import type { JsonValue, Runbook, RunbookState, RunbookStep, StepRecord } from "./runbook-model";
import type { StateStore } from "./state-store";

/** What ran after a failure: the steps marked `always` (a teardown, the report). */
export interface CleanupOutcome {
  /** The `always` steps that are done. */
  readonly done: readonly string[];
  /** The `always` steps that failed or have not run; a re-run retries them. */
  readonly pending: readonly string[];
}

/** A step failed: nothing after it ran except the runbook's `always` steps, and the state file says so. */
export class RunbookStepFailed extends Error {
  constructor(
    readonly stepId: string,
    readonly reason: string,
    readonly completed: readonly string[],
    readonly stateLocation: string,
    readonly cleanup?: CleanupOutcome,
  ) {
    super(
      `step "${stepId}" failed: ${reason}. Completed before it: ${completed.length ? completed.join(", ") : "none"}; ` +
        (cleanup === undefined
          ? `nothing after it ran. Fix the cause and re-run the same command to resume from "${stepId}" (state: ${stateLocation}).`
          : `after it only the steps that always run ran (done: ${cleanup.done.join(", ") || "none"}). ` +
            (cleanup.pending.length === 0
              ? `This run has ended (state: ${stateLocation}).`
              : `Not done: ${cleanup.pending.join(", ")}: fix the cause and re-run the same command to retry them (state: ${stateLocation}).`)),
    );
    this.name = "RunbookStepFailed";
  }
}

/** The operator declined an irreversible step. */
export class RunbookAborted extends Error {
  constructor(
    readonly stepId: string,
    readonly completed: readonly string[],
  ) {
    super(
      `not confirmed: "${stepId}" did not run. Completed: ${completed.length ? completed.join(", ") : "none"}. Re-run to continue, or with --yes.`,
    );
    this.name = "RunbookAborted";
  }
}

export interface RunOptions {
  readonly store: StateStore;
  readonly clock: Clock;
  /** Asked before an irreversible step; undefined means "yes" (--yes). */
  readonly confirm?: Confirm;
  readonly log?: (line: string) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The `always` steps after the step that failed. */
function cleanupSteps(runbook: Runbook, failedStep: string): RunbookStep[] {
  const index = runbook.steps.findIndex((s) => s.id === failedStep);
  return runbook.steps.slice(index + 1).filter((s) => s.always);
}

function cleanupOutcome(runbook: Runbook, state: Readonly<RunbookState>, failedStep: string): CleanupOutcome {
  const steps = cleanupSteps(runbook, failedStep);
  return {
    done: steps.filter((s) => state.steps[s.id]?.status === "done").map((s) => s.id),
    pending: steps.filter((s) => state.steps[s.id]?.status !== "done").map((s) => s.id),
  };
}

/**
 * True when a run needs nothing more: it completed, or it failed and every `always` step after the
 * failure is done.
 */
export function runHasEnded(runbook: Runbook, state: Readonly<RunbookState>): boolean {
  if (state.status === "completed") return true;
  return state.failure !== undefined && cleanupOutcome(runbook, state, state.failure.step).pending.length === 0;
}

/**
 * Runs the steps in order, resuming from the state file: a step recorded as done is skipped, a step that
 * was running or failed runs again (each step is idempotent). The state is saved before and after every
 * step, so a crash at any point loses nothing that happened.
 *
 * When a step fails and `always` steps follow it, those still run (a teardown, the report) and the run
 * then fails; re-runs retry only the `always` steps that are not done, never the failed step.
 */
export async function runRunbook(runbook: Runbook, options: RunOptions): Promise<RunbookState> {
  const log = options.log ?? (() => undefined);
  const now = () => options.clock.now().toISOString();
  let state = await options.store.load();
  if (state && (state.operation !== runbook.operation || state.from !== runbook.from || state.to !== runbook.to)) {
    throw new Error(
      `${options.store.location} holds a ${state.operation} from ${state.from} to ${state.to}, not a ${runbook.operation} from ${runbook.from} to ${runbook.to}: use another --state file`,
    );
  }
  if (state && runHasEnded(runbook, state)) {
    log(
      state.status === "completed"
        ? `${runbook.operation} ${runbook.from} → ${runbook.to} already completed at ${state.finishedAt ?? "?"}: nothing to do`
        : `${runbook.operation} ${runbook.from} → ${runbook.to} already ended at ${state.finishedAt ?? "?"} after step "${state.failure?.step ?? "?"}" failed: nothing to do`,
    );
    return state;
  }
  if (!state)
    state = {
      version: 1,
      operation: runbook.operation,
      from: runbook.from,
      to: runbook.to,
      startedAt: now(),
      status: "running",
      steps: {},
      log: [],
    };
  else log(`resuming the ${runbook.operation} started at ${state.startedAt}`);
  state.status = "running";
  const current = state;
  const save = () => options.store.save(current);
  const record = (stepId: string, text: string) => {
    current.log.push({ at: now(), step: stepId, message: text });
    log(`[${stepId}] ${text}`);
  };
  await save();

  const completed = () =>
    runbook.steps.filter((s) => !s.always && current.steps[s.id]?.status === "done").map((s) => s.id);
  // An `always` step that is done runs again once a step before it ran in this invocation (its result may be stale).
  let ranEarlierStep = false;
  for (const [index, step] of runbook.steps.entries()) {
    const previous = current.steps[step.id];
    if (current.failure && !step.always) continue;
    if (previous?.status === "done" && !(step.always && ranEarlierStep)) {
      log(`${index + 1}. ${step.title}: done at ${previous.finishedAt ?? "?"}, skipped`);
      continue;
    }
    const question = step.irreversible
      ? `${step.title}: this cannot be undone.`
      : step.confirmation
        ? `${step.title}: ${step.confirmation}`
        : undefined;
    if (
      question !== undefined &&
      options.confirm &&
      !(await options.confirm(`${question}\n  ${step.describe.join("\n  ")}\nProceed?`))
    ) {
      current.status = "aborted";
      record(step.id, "not confirmed by the operator");
      await save();
      throw new RunbookAborted(step.id, completed());
    }
    const startedAt = now();
    const entry: StepRecord = {
      status: "running",
      startedAt,
      firstStartedAt: previous?.firstStartedAt ?? previous?.startedAt ?? startedAt,
      attempts: (previous?.attempts ?? 0) + 1,
      checkpoints: previous?.checkpoints ?? {},
    };
    current.steps[step.id] = entry;
    ranEarlierStep = true;
    log(`${index + 1}. ${step.title}${entry.attempts > 1 ? ` (attempt ${entry.attempts})` : ""}`);
    await save();
    let output: Record<string, JsonValue>;
    try {
      output = await step.run({
        state: current,
        outputOf: (id) => current.steps[id]?.output,
        checkpoints: entry.checkpoints,
        checkpoint: async (key: string, value: JsonValue) => {
          entry.checkpoints[key] = value;
          await save();
        },
        log: (text) => record(step.id, text),
        clock: options.clock,
      });
    } catch (error) {
      entry.status = "failed";
      entry.finishedAt = now();
      entry.error = message(error);
      record(step.id, `failed: ${entry.error}`);
      if (!current.failure && cleanupSteps(runbook, step.id).length > 0) {
        current.failure = { step: step.id, error: entry.error };
        record(
          step.id,
          `running the steps that always run: ${cleanupSteps(runbook, step.id)
            .map((s) => s.id)
            .join(", ")}`,
        );
      }
      if (!current.failure) {
        current.status = "failed";
        await save();
        throw new RunbookStepFailed(step.id, entry.error, completed(), options.store.location);
      }
      await save();
      continue;
    }
    // Outside the try: a state store that cannot save is a crash of the runner, not a failure of the step.
    entry.status = "done";
    entry.finishedAt = now();
    entry.output = output;
    delete entry.error;
    await save();
  }
  if (current.failure) {
    const cleanup = cleanupOutcome(runbook, current, current.failure.step);
    current.status = "failed";
    if (cleanup.pending.length === 0) current.finishedAt = now();
    await save();
    throw new RunbookStepFailed(
      current.failure.step,
      current.failure.error,
      completed(),
      options.store.location,
      cleanup,
    );
  }
  current.status = "completed";
  current.finishedAt = now();
  await save();
  return current;
}
