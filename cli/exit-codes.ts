/**
 * The exit codes of every `icna` command (README, "Exit codes"). Scripts and CI branch on them, so a
 * command never invents its own: it returns or throws one of these.
 */
export const ExitCode = {
  /** The command did its work: a review that passes or only warns, a clean check, a finished operation. */
  Success: 0,
  /**
   * The command ran and its result is a failure: a review that blocks, a policy violation, DR drift, a
   * failed canary judgement, a cutover rolled back, a DR step that failed or was aborted, a deploy the
   * operator declined or the engine failed.
   */
  Problem: 1,
  /** The command could not start its work because of what it was given: options, input files, stack config. */
  Usage: 2,
  /** A bug in ICNA (sysexits' EX_SOFTWARE): the message asks for a report. */
  Internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
