import * as readline from "node:readline/promises";
import { RunbookAborted, RunbookStepFailed } from "../../operations/dr/failover/run-runbook";
import { runDrOperation } from "../../operations/dr/failover/run-dr-operation";
import { runDrill } from "../../operations/dr/drill/run-drill";
import type { Operation } from "../../operations/dr/failover/runbook-model";
import { checkStackParity } from "../../operations/dr/parity/check-parity";
import { parityToText } from "../../operations/dr/parity/render-parity";
import { evaluatePolicies } from "../../policies/evaluate";
import { PROJECT_DIR } from "../../stacks/config/project-dir";
import { readStackSettings } from "../../stacks/config/stack-file";
import { CliError } from "../cli-error";
import { ExitCode } from "../exit-codes";

export interface DrCheckOptions {
  readonly from?: string;
  readonly to?: string;
  readonly json?: boolean;
}

const requireStacks = (command: string, options: { from?: string; to?: string }): { from: string; to: string } => {
  if (!options.from || !options.to)
    throw new CliError(`dr ${command} needs --from <primary stack> and --to <dr stack> (e.g. --from prod --to dr)`, ExitCode.Usage);
  if (options.from === options.to)
    throw new CliError(
      `dr ${command}: --from and --to are both "${options.from}"; name the primary and its DR stack`,
      ExitCode.Usage,
    );
  return { from: options.from, to: options.to };
};

/** `icna dr check`: exit 1 when the DR stack differs from the primary in a way no intended-difference rule explains. */
export async function drCheck(options: DrCheckOptions): Promise<ExitCode> {
  const { from, to } = requireStacks("check", options);
  // A misspelled stack is reported at once, not after the other stack's plan (seconds).
  for (const stack of [from, to]) readStackSettings(PROJECT_DIR, stack);
  const report = await checkStackParity(from, to, { policyEvaluator: evaluatePolicies });
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + "\n" : parityToText(report) + "\n");
  return report.ok ? ExitCode.Success : ExitCode.Problem;
}

export interface DrOperationCliOptions {
  readonly from?: string;
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly state?: string;
  readonly failoverState?: string;
  readonly json?: boolean;
}

async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new CliError(
      "the next step is irreversible and there is no terminal to confirm it: re-run with --yes once you are sure",
      ExitCode.Usage,
    );
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

/** Operator mistakes (a bad stack name, an ambiguous primary) become one-line errors; bugs keep their stack. */
function asCliError(command: string, error: unknown): unknown {
  if (error instanceof RunbookStepFailed || error instanceof RunbookAborted) return new CliError(error.message, ExitCode.Problem);
  if (error instanceof CliError) return error;
  if (error instanceof Error && error.name === "Error") return new CliError(`dr ${command}: ${error.message}`, ExitCode.Usage);
  return error;
}

/** `icna dr failover|failback`: a failed step (recorded in the state file; re-running resumes there) exits 1. */
export async function drOperation(operation: Operation, options: DrOperationCliOptions): Promise<ExitCode> {
  const { from, to } = requireStacks(operation, options);
  try {
    const result = await runDrOperation({
      operation,
      from,
      to,
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.state ? { stateFile: options.state } : {}),
      ...(options.failoverState ? { failoverStateFile: options.failoverState } : {}),
      ...(options.yes ? {} : { confirm: askOnTerminal }),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (result.kind === "plan") process.stdout.write(result.text + "\n");
    else
      process.stdout.write(
        options.json
          ? JSON.stringify(result.state, null, 2) + "\n"
          : `${operation} ${from} → ${to}: ${result.state.status}\n`,
      );
    return ExitCode.Success;
  } catch (error) {
    // Config and pairing problems (no data source, wrong DR region) are the operator's to fix.
    throw asCliError(operation, error);
  }
}

export interface DrDrillCliOptions {
  readonly from?: string;
  readonly to?: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly state?: string;
  readonly json?: boolean;
}

function readDrillReport(state: { steps: Record<string, { output?: Record<string, unknown> }> }): unknown {
  return state.steps["write-report"]?.output?.report;
}

/** `icna dr drill`: a failed drill has still been torn down and reported, and exits 1. */
export async function drDrill(options: DrDrillCliOptions): Promise<ExitCode> {
  if (!options.to) throw new CliError("dr drill needs --to <dr stack> (e.g. --to dr)", ExitCode.Usage);
  try {
    const result = await runDrill({
      to: options.to,
      ...(options.from ? { from: options.from } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.state ? { stateFile: options.state } : {}),
      ...(options.yes ? {} : { confirm: askOnTerminal }),
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (result.kind === "plan") {
      process.stdout.write(result.text + "\n");
      return ExitCode.Success;
    }
    const report = readDrillReport(result.state);
    process.stdout.write(
      options.json
        ? JSON.stringify(report ?? result.state, null, 2) + "\n"
        : `drill of ${options.to}: ${result.state.status}\n`,
    );
    return ExitCode.Success;
  } catch (error) {
    // A failed drill has still been torn down and reported (drill-report.json/.md); the message says so.
    throw asCliError("drill", error);
  }
}
