import * as readline from "node:readline/promises";
import type { Command } from "commander";
import { RunbookAborted, RunbookStepFailed } from "../../operations/dr/failover/run-runbook";
import { runDrOperation } from "../../operations/dr/failover/run-dr-operation";
import { runDrill } from "../../operations/dr/drill/run-drill";
import type { Operation } from "../../operations/dr/failover/runbook-model";
import { checkStackParity } from "../../operations/dr/parity/check-parity";
import { parityToText } from "../../operations/dr/parity/render-parity";
import { evaluatePolicies } from "../../policies/evaluate";
import { CliError } from "../cli-error";

export interface DrCheckOptions {
  readonly from?: string;
  readonly to?: string;
  readonly json?: boolean;
}

/** Exit code when the DR stack differs from the primary in a way no intended-difference rule explains. */
export const PARITY_FAILED_EXIT_CODE = 1;

const requireStacks = (command: string, options: { from?: string; to?: string }): { from: string; to: string } => {
  if (!options.from || !options.to)
    throw new CliError(`dr ${command} needs --from <primary stack> and --to <dr stack> (e.g. --from prod --to dr)`, 1);
  if (options.from === options.to)
    throw new CliError(
      `dr ${command}: --from and --to are both "${options.from}"; name the primary and its DR stack`,
      1,
    );
  return { from: options.from, to: options.to };
};

export async function drCheck(options: DrCheckOptions): Promise<number> {
  const { from, to } = requireStacks("check", options);
  const report = await checkStackParity(from, to, { policyEvaluator: evaluatePolicies });
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + "\n" : parityToText(report) + "\n");
  return report.ok ? 0 : PARITY_FAILED_EXIT_CODE;
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

/** Exit code of a step that failed (the state file records it; re-running resumes there). */
export const STEP_FAILED_EXIT_CODE = 3;

async function askOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new CliError(
      "the next step is irreversible and there is no terminal to confirm it: re-run with --yes once you are sure",
      1,
    );
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export async function drOperation(operation: Operation, options: DrOperationCliOptions): Promise<number> {
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
    return 0;
  } catch (error) {
    if (error instanceof RunbookStepFailed) throw new CliError(error.message, STEP_FAILED_EXIT_CODE);
    if (error instanceof RunbookAborted) throw new CliError(error.message, 1);
    if (error instanceof CliError) throw error;
    // Config and pairing problems (no data source, wrong DR region) are the operator's to fix.
    if (
      error instanceof Error &&
      !(error instanceof TypeError) &&
      !(error instanceof RangeError) &&
      error.name === "Error"
    )
      throw new CliError(`dr ${operation}: ${error.message}`, 1);
    throw error;
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

/** Operator mistakes (a bad stack name, an ambiguous primary) become one-line errors; bugs keep their stack. */
function asCliError(command: string, error: unknown): unknown {
  if (error instanceof RunbookStepFailed) return new CliError(error.message, STEP_FAILED_EXIT_CODE);
  if (error instanceof RunbookAborted) return new CliError(error.message, 1);
  if (error instanceof CliError) return error;
  if (error instanceof Error && error.name === "Error") return new CliError(`dr ${command}: ${error.message}`, 1);
  return error;
}

function readDrillReport(state: { steps: Record<string, { output?: Record<string, unknown> }> }): unknown {
  return state.steps["write-report"]?.output?.report;
}

export async function drDrill(options: DrDrillCliOptions): Promise<number> {
  if (!options.to) throw new CliError("dr drill needs --to <dr stack> (e.g. --to dr)", 1);
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
      return 0;
    }
    const report = readDrillReport(result.state);
    process.stdout.write(
      options.json
        ? JSON.stringify(report ?? result.state, null, 2) + "\n"
        : `drill of ${options.to}: ${result.state.status}\n`,
    );
    return 0;
  } catch (error) {
    // A failed drill has still been torn down and reported (drill-report.json/.md); the message says so.
    throw asCliError("drill", error);
  }
}

export function registerDr(program: Command): void {
  const dr = program
    .command("dr")
    .description("Disaster recovery: parity of the DR stack with its primary, failover, failback and drills");
  dr.command("check")
    .description(
      "Plan both stacks offline and report every difference that is not an intended DR difference (exit 1 if any)",
    )
    .option("--from <stack>", "the primary stack, e.g. prod")
    .option("--to <stack>", "its disaster-recovery stack, e.g. dr")
    .option("--json", "print the machine-readable report")
    .action(async (options: DrCheckOptions) => {
      process.exitCode = await drCheck(options);
    });
  for (const operation of ["failover", "failback"] as const) {
    const command = dr
      .command(operation)
      .description(
        operation === "failover"
          ? "Fail over to the DR stack: freeze deploys, promote the database replica, run DR at production size, re-point DNS, verify, report RTO/RPO (resumable)"
          : "Fail back to the primary once it is back and its database replicates from DR: the failover in reverse (resumable)",
      )
      .option("--from <stack>", "the primary stack, e.g. prod")
      .option("--to <stack>", "its disaster-recovery stack, e.g. dr")
      .option("--dry-run", "print the full ordered plan; needs no credentials and calls nothing")
      .option("--yes", "do not ask before the irreversible promotion")
      .option("--state <file>", "state file to resume from (default .icna/dr/<from>-<to>-<operation>.json)")
      .option("--json", "print the final state as JSON");
    if (operation === "failback")
      command.option("--failover-state <file>", "the failover's state file (it recorded DR's config before failover)");
    command.action(async (options: DrOperationCliOptions) => {
      process.exitCode = await drOperation(operation, options);
    });
  }
  dr.command("drill")
    .description(
      "Recreate the DR stack's clusters at production size from code (data tier and traffic untouched), verify them, tear them down and report the times (resumable)",
    )
    .option("--to <stack>", "the disaster-recovery stack, e.g. dr")
    .option(
      "--from <stack>",
      "the primary whose sizes a failover brings up (default: the stack whose icna:dr.region is --to's region)",
    )
    .option("--dry-run", "print the full ordered plan; needs no credentials and calls nothing")
    .option("--yes", "do not ask before scaling the DR clusters up")
    .option("--state <file>", "state file to resume from (default .icna/dr/<to>-drill.json)")
    .option("--json", "print the drill report as JSON")
    .action(async (options: DrDrillCliOptions) => {
      process.exitCode = await drDrill(options);
    });
}
