import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../../../review/plan/stack-plan";
import { loadStackConfig } from "../../../stacks/config/load";
import { readStackSettings } from "../../../stacks/config/stack-file";
import { CloudWatchReplicaLag } from "./aws/cloudwatch-replica-lag";
import { EksClusterApi } from "./aws/eks-clusters";
import { RdsDatabaseApi } from "./aws/rds-database";
import { Route53DnsApi } from "./aws/route53-dns";
import { describeRunbook, DRY_RUN_PORTS } from "./dry-run";
import { DrStacks, failbackRunbook, failoverRunbook } from "./failover";
import { projectDeploymentFreeze } from "./file-freeze";
import { SYSTEM_CLOCK } from "../../clock";
import { Confirm, FailoverPorts } from "./ports";
import { AutomationApiStackUpdater } from "./pulumi-stack-updater";
import { runRunbook } from "./run-runbook";
import type { Operation, RunbookState } from "./runbook-model";
import { JsonFileStateStore } from "./state-store";
import type { StepTimeouts } from "./steps";

export interface DrOperationOptions {
  readonly operation: Operation;
  readonly from: string;
  readonly to: string;
  /** Print the plan, call nothing. */
  readonly dryRun?: boolean;
  /** State file. @default .icna/dr/<from>-<to>-<operation>.json */
  readonly stateFile?: string;
  /** Failback only: the failover's state file (it recorded DR's pre-failover config). @default the failover's default state file */
  readonly failoverStateFile?: string;
  /** Asked before irreversible steps; undefined = confirmed (--yes). */
  readonly confirm?: Confirm;
  readonly log?: (line: string) => void;
  /** Replaces the real AWS/Pulumi ports (tests). */
  readonly ports?: FailoverPorts;
  readonly timeouts?: StepTimeouts;
  readonly projectDir?: string;
  /** Where state files and reports go. @default <project>/.icna/dr */
  readonly workDir?: string;
}

export type DrOperationResult =
  { readonly kind: "plan"; readonly text: string } | { readonly kind: "state"; readonly state: RunbookState };

/** Reads both stacks' validated config (no credentials, no planning). */
export function loadDrStacks(from: string, to: string, projectDir: string = PROJECT_DIR): DrStacks {
  const primarySettings = readStackSettings(projectDir, from);
  const drSettings = readStackSettings(projectDir, to);
  return {
    primary: loadStackConfig(from, primarySettings.values),
    dr: loadStackConfig(to, drSettings.values),
    drSettings: { ...drSettings.values },
  };
}

function realPorts(projectDir: string, log: (line: string) => void): FailoverPorts {
  return {
    freeze: projectDeploymentFreeze(projectDir),
    database: new RdsDatabaseApi(),
    lag: new CloudWatchReplicaLag(),
    dns: new Route53DnsApi(),
    clusters: new EksClusterApi(),
    stacks: new AutomationApiStackUpdater(projectDir, log),
    clock: SYSTEM_CLOCK,
  };
}

function readState(file: string): RunbookState {
  if (!fs.existsSync(file))
    throw new Error(`no failover state at ${file}: pass the failover's state file with --failover-state <file>`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as RunbookState;
}

/** `icna dr failover` / `failback`: builds the runbook from config, then prints it (--dry-run) or runs it, resuming from the state file. */
export async function runDrOperation(options: DrOperationOptions): Promise<DrOperationResult> {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const log = options.log ?? (() => undefined);
  const stacks = loadDrStacks(options.from, options.to, projectDir);
  const ports = options.dryRun ? DRY_RUN_PORTS : (options.ports ?? realPorts(projectDir, log));
  const workDir = options.workDir ?? path.join(projectDir, ".icna", "dr");
  const common = { reportDir: workDir, ...(options.timeouts ? { timeouts: options.timeouts } : {}) };
  const runbook =
    options.operation === "failover"
      ? failoverRunbook(stacks, ports, common)
      : failbackRunbook(stacks, ports, {
          ...common,
          ...(options.dryRun && !options.failoverStateFile
            ? {}
            : {
                failoverState: readState(
                  options.failoverStateFile ?? path.join(workDir, `${options.from}-${options.to}-failover.json`),
                ),
              }),
        });
  if (options.dryRun) return { kind: "plan", text: describeRunbook(runbook) };
  const store = new JsonFileStateStore(
    options.stateFile ?? path.join(workDir, `${options.from}-${options.to}-${options.operation}.json`),
  );
  const state = await runRunbook(runbook, {
    store,
    clock: ports.clock,
    log,
    ...(options.confirm ? { confirm: options.confirm } : {}),
  });
  return { kind: "state", state };
}
