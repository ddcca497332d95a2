import { Command, CommanderError } from "commander";
import { ConfigError } from "../stacks/config/config-error";
import { CliError } from "./cli-error";
import { COMMANDS } from "./commands";
import { ExitCode } from "./exit-codes";

const EXIT_CODES_HELP = `
Exit codes:
  0   success (a review that passes or warns, a clean check, a finished operation)
  1   the command found a problem (a blocking review, a policy violation, DR drift, a failed judgement)
  2   usage or input error (unknown option, bad value, unreadable file, invalid stack config, unknown --approve id)
  70  internal error (a bug in ICNA: please report it)`;

function buildProgram(): Command {
  const program = new Command("icna")
    .description("ICNA: review, operate and recover the AWS platform defined by this Pulumi project.")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_CODES_HELP)
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Expected errors print their message and exit with their code; anything else asks to be reported. */
function handleError(error: unknown): ExitCode {
  // Commander has already printed its message (and the usage hint); --help and --version end here with 0.
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Success : ExitCode.Usage;
  if (error instanceof CliError) {
    process.stderr.write(`icna: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`icna: ${error.message}\n`);
    return ExitCode.Usage;
  }
  const detail = error instanceof Error ? (process.env.ICNA_DEBUG ? error.stack : error.message) : String(error);
  process.stderr.write(`icna: unexpected error: ${detail}\nThis is a bug in ICNA: please report it with the command you ran (set ICNA_DEBUG=1 for the stack trace).\n`);
  return ExitCode.Internal;
}

/** Runs `icna` with `argv` (as `process.argv`: node, script, arguments) and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return process.exitCode === undefined ? ExitCode.Success : Number(process.exitCode);
  } catch (error) {
    return handleError(error);
  }
}
