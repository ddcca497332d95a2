/** Thrown when the Pulumi CLI (which the Automation API drives) is missing or fails. */
export class PulumiEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PulumiEngineError";
  }
}

/** How the Automation API fails when the `pulumi` binary cannot be run (spawn error) or is too old; anything else is the engine's own error. */
const MISSING_CLI = /spawn(Sync)? pulumi ENOENT|pulumi: command not found|Minimum version requirement failed|Failed to parse Pulumi CLI version/i;

/** An Automation API failure of `step`, in words an operator can act on: a missing CLI gets the install hint, any other failure its first lines. */
export function pulumiEngineError(error: unknown, step: string): PulumiEngineError {
  if (error instanceof PulumiEngineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (MISSING_CLI.test(message)) {
    return new PulumiEngineError(`${step} needs the Pulumi CLI (https://www.pulumi.com/docs/install/) on PATH, logged in to the stack's backend: ${message.split("\n")[0]}`);
  }
  return new PulumiEngineError(`${step} failed: ${message.split("\n").slice(0, 6).join("\n")}`);
}

/** Runs one Automation API call, turning its failure into a {@link PulumiEngineError} for `step`. */
export async function pulumiStep<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw pulumiEngineError(error, step);
  }
}
