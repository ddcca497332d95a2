import type { Command } from "commander";
import type { DrCheckOptions, DrDrillCliOptions, DrOperationCliOptions } from "./dr";

/** `icna dr check|failover|failback|drill`: the runbooks, the AWS SDK clients and the stack planner load only when one of them runs. */
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
      const { drCheck } = await import("./dr");
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
      const { drOperation } = await import("./dr");
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
      const { drDrill } = await import("./dr");
      process.exitCode = await drDrill(options);
    });
}
