import type { Clock } from "../../clock";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type StepStatus = "running" | "done" | "failed";

/** What the state file remembers about one step. */
export interface StepRecord {
  status: StepStatus;
  /** ISO time of the latest attempt's start. */
  startedAt: string;
  /** ISO time of the first attempt's start (kept across resumes); absent in state files from before it existed. */
  firstStartedAt?: string;
  finishedAt?: string;
  attempts: number;
  /** Facts the step returned (measurements, ids), read by later steps and the report. */
  output?: Record<string, JsonValue>;
  /** Progress inside a step, saved as it happens (e.g. "promotion requested"), so a re-run knows. */
  checkpoints: Record<string, JsonValue>;
  error?: string;
}

export type Operation = "failover" | "failback" | "drill";

/** The persisted progress of one failover, failback or drill: written after every step. */
export interface RunbookState {
  version: 1;
  operation: Operation;
  from: string;
  to: string;
  /** ISO time the operation first started: the RTO clock. */
  startedAt: string;
  status: "running" | "failed" | "aborted" | "completed";
  finishedAt?: string;
  steps: Record<string, StepRecord>;
  /**
   * Set when a step failed in a runbook with `always` steps after it: from then on only those run (on
   * re-runs too), and the run ends failed once they are all done.
   */
  failure?: { step: string; error: string };
  log: { at: string; step: string; message: string }[];
}

/** What a step may use while it runs. */
export interface StepContext {
  readonly state: Readonly<RunbookState>;
  /** The output of an earlier step. */
  outputOf(stepId: string): Record<string, JsonValue> | undefined;
  /** This step's checkpoints from earlier attempts. */
  readonly checkpoints: Readonly<Record<string, JsonValue>>;
  /** Saves a checkpoint immediately (before the next call that could crash). */
  checkpoint(key: string, value: JsonValue): Promise<void>;
  log(message: string): void;
  readonly clock: Clock;
}

/** One idempotent step: re-running it after a crash at any point converges to the same result. */
export interface RunbookStep {
  /** Stable id, the key in the state file: `promote-database`. */
  readonly id: string;
  readonly title: string;
  /** Exactly what it will do, with the values it will use (the dry-run output). */
  readonly describe: readonly string[];
  /** Asks for confirmation (or --yes) before it runs, saying it cannot be undone. */
  readonly irreversible?: boolean;
  /** Asks this question (or takes --yes) before it runs: for a step that is reversible but costly. */
  readonly confirmation?: string;
  /**
   * Runs even after an earlier step failed (a teardown, the report), and runs again when a step before
   * it ran again in a later invocation; the runbook still ends failed.
   */
  readonly always?: boolean;
  run(context: StepContext): Promise<Record<string, JsonValue>>;
}

export interface Runbook {
  readonly operation: Operation;
  readonly from: string;
  readonly to: string;
  readonly steps: readonly RunbookStep[];
}
