import type { FailoverPorts } from "./ports";
import type { Runbook, RunbookStep } from "./runbook-model";

const refuse = (): Promise<never> => Promise.reject(new Error("a dry run makes no calls"));

/** Ports for describing a runbook: any call fails, so a dry run can never touch AWS or a stack. */
export const DRY_RUN_PORTS: FailoverPorts = {
  freeze: { status: refuse, freeze: refuse, unfreeze: refuse },
  database: { describe: refuse, promote: refuse, latestRestorableTime: refuse },
  lag: { replicaLag: refuse },
  dns: { find: refuse, change: refuse, isInSync: refuse },
  clusters: { describe: refuse },
  stacks: { update: refuse },
  clock: { now: () => new Date(), sleep: refuse },
};

function markers(step: RunbookStep): string[] {
  return [
    ...(step.irreversible ? ["IRREVERSIBLE: asks for confirmation unless --yes"] : []),
    ...(step.confirmation && !step.irreversible ? ["asks for confirmation unless --yes"] : []),
    ...(step.always ? ["always runs, even after an earlier step failed"] : []),
  ];
}

/** The full ordered plan, as `--dry-run` prints it. */
export function describeRunbook(runbook: Runbook): string {
  const lines = [
    `${runbook.operation} ${runbook.from} → ${runbook.to}: ${runbook.steps.length} steps (dry run: nothing is called)`,
  ];
  runbook.steps.forEach((step, i) => {
    lines.push(
      "",
      `${i + 1}. [${step.id}] ${step.title}${markers(step)
        .map((m) => `  (${m})`)
        .join("")}`,
    );
    for (const line of step.describe) lines.push(`     - ${line}`);
  });
  return lines.join("\n");
}
