import type { Command } from "commander";
import { checkStackParity } from "../../dr/parity/check-parity";
import { parityToText } from "../../dr/parity/render-parity";
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
  if (!options.from || !options.to) throw new CliError(`dr ${command} needs --from <primary stack> and --to <dr stack> (e.g. --from prod --to dr)`, 1);
  if (options.from === options.to) throw new CliError(`dr ${command}: --from and --to are both "${options.from}"; name the primary and its DR stack`, 1);
  return { from: options.from, to: options.to };
};

export async function drCheck(options: DrCheckOptions): Promise<number> {
  const { from, to } = requireStacks("check", options);
  const report = await checkStackParity(from, to, { policyEvaluator: evaluatePolicies });
  process.stdout.write(options.json ? JSON.stringify(report, null, 2) + "\n" : parityToText(report) + "\n");
  return report.ok ? 0 : PARITY_FAILED_EXIT_CODE;
}

export function registerDr(program: Command): void {
  const dr = program.command("dr").description("Disaster recovery: parity of the DR stack with its primary, failover and failback");
  dr.command("check")
    .description("Plan both stacks offline and report every difference that is not an intended DR difference (exit 1 if any)")
    .option("--from <stack>", "the primary stack, e.g. prod")
    .option("--to <stack>", "its disaster-recovery stack, e.g. dr")
    .option("--json", "print the machine-readable report")
    .action(async (options: DrCheckOptions) => {
      process.exitCode = await drCheck(options);
    });
}
