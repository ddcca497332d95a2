/**
 * An expected failure: bad input, invalid config, a blocked review. The CLI prints its message (no
 * stack trace) and exits with its code.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
