import type { Clock, Confirm } from "./ports";
import type { JsonValue, Runbook, RunbookState, StepRecord } from "./runbook-model";
import type { StateStore } from "./state-store";

/** A step failed: nothing after it ran, and the state file says so. */
export class RunbookStepFailed extends Error {
  constructor(
    readonly stepId: string,
    readonly reason: string,
    readonly completed: readonly string[],
    readonly stateLocation: string,
  ) {
    super(
      `step "${stepId}" failed: ${reason}. Completed before it: ${completed.length ? completed.join(", ") : "none"}; nothing after it ran. ` +
        `Fix the cause and re-run the same command to resume from "${stepId}" (state: ${stateLocation}).`,
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

/**
 * Runs the steps in order, resuming from the state file: a step recorded as done is skipped, a step that
 * was running or failed runs again (each step is idempotent). The state is saved before and after every
 * step, so a crash at any point loses nothing that happened.
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
  if (state?.status === "completed") {
    log(
      `${runbook.operation} ${runbook.from} → ${runbook.to} already completed at ${state.finishedAt ?? "?"}: nothing to do`,
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

  const completed = () => runbook.steps.filter((s) => current.steps[s.id]?.status === "done").map((s) => s.id);
  for (const [index, step] of runbook.steps.entries()) {
    const previous = current.steps[step.id];
    if (previous?.status === "done") {
      log(`${index + 1}. ${step.title}: done at ${previous.finishedAt ?? "?"}, skipped`);
      continue;
    }
    if (
      step.irreversible &&
      options.confirm &&
      !(await options.confirm(`${step.title}: this cannot be undone.\n  ${step.describe.join("\n  ")}\nProceed?`))
    ) {
      current.status = "aborted";
      record(step.id, "not confirmed by the operator");
      await save();
      throw new RunbookAborted(step.id, completed());
    }
    const entry: StepRecord = {
      status: "running",
      startedAt: now(),
      attempts: (previous?.attempts ?? 0) + 1,
      checkpoints: previous?.checkpoints ?? {},
    };
    current.steps[step.id] = entry;
    log(`${index + 1}. ${step.title}${entry.attempts > 1 ? ` (attempt ${entry.attempts})` : ""}`);
    await save();
    try {
      const output = await step.run({
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
      entry.status = "done";
      entry.finishedAt = now();
      entry.output = output;
      delete entry.error;
      await save();
    } catch (error) {
      entry.status = "failed";
      entry.finishedAt = now();
      entry.error = message(error);
      current.status = "failed";
      record(step.id, `failed: ${entry.error}`);
      await save();
      throw new RunbookStepFailed(step.id, entry.error, completed(), options.store.location);
    }
  }
  current.status = "completed";
  current.finishedAt = now();
  await save();
  return current;
}
