import { ExitCode } from "./exit-codes";

/**
 * An expected failure: bad input, invalid config, a refused operation. The CLI prints its message (no
 * stack trace) and exits with its code, which says whose move it is (see `ExitCode`).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

