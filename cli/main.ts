import { Command, CommanderError } from "commander";
import { ConfigError } from "../stacks/config/config-error";
import { CliError } from "./cli-error";
import { COMMANDS } from "./commands";

function buildProgram(): Command {
  const program = new Command("icna")
    .description("ICNA: review, operate and recover the AWS platform defined by this Pulumi project.")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Expected errors print their message and exit with their code; anything else asks to be reported. */
function handleError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode;
  if (error instanceof CliError) {
    process.stderr.write(`icna: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`icna: ${error.message}\n`);
    return 1;
  }
  const detail = error instanceof Error ? (process.env.ICNA_DEBUG ? error.stack : error.message) : String(error);
  process.stderr.write(`icna: unexpected error: ${detail}\nThis is a bug in ICNA: please report it with the command you ran (set ICNA_DEBUG=1 for the stack trace).\n`);
  return 70;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return handleError(error);
  }
}
