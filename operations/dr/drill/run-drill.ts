import * as fs from "node:fs";
import * as path from "node:path";
import { planFromSettings, PROJECT_DIR } from "../../../review/plan/stack-plan";
import { loadStackConfig } from "../../../stacks/config/load";
import { listStacks, readStackSettings } from "../../../stacks/config/stack-file";
import { EksClusterApi } from "../failover/aws/eks-clusters";
import { describeRunbook } from "../failover/dry-run";
import { FileDeploymentFreeze } from "../failover/file-freeze";
import { SYSTEM_CLOCK } from "../../clock";
import { Confirm } from "../failover/ports";
import { AutomationApiStackUpdater } from "../failover/pulumi-stack-updater";
import { runHasEnded, runRunbook } from "../failover/run-runbook";
import type { RunbookState } from "../failover/runbook-model";
import { JsonFileStateStore } from "../failover/state-store";
import type { StepTimeouts } from "../failover/steps";
import { EksNodeReadiness } from "./aws/eks-node-readiness";
import { drillRunbook, DrillStacks } from "./drill";
import type { DrillPorts } from "./ports";

export interface DrillRunOptions {
  /** The DR stack. */
  readonly to: string;
  /** The primary whose sizes a failover brings up. @default the one stack naming `to`'s region as its icna:dr.region */
  readonly from?: string;
  readonly dryRun?: boolean;
  /** @default .icna/dr/<to>-drill.json */
  readonly stateFile?: string;
  /** Asked before the scale-up; undefined = confirmed (--yes). */
  readonly confirm?: Confirm;
  readonly log?: (line: string) => void;
  /** Replaces the real AWS/Pulumi ports (tests). */
  readonly ports?: DrillPorts;
  readonly timeouts?: StepTimeouts;
  readonly projectDir?: string;
  /** Where the report goes and failover/failback states are read. @default <project>/.icna/dr */
  readonly workDir?: string;
}

export type DrillRunResult =
  | { readonly kind: "plan"; readonly text: string }
  | { readonly kind: "state"; readonly state: RunbookState; readonly archived?: string };

/** The stack that names `dr`'s region as its DR region (icna:dr.region). */
function primaryOf(dr: string, projectDir: string): string {
  const region = readStackSettings(projectDir, dr).values["aws:region"];
  const candidates = listStacks(projectDir).filter((stack) => {
    if (stack === dr) return false;
    const declared = readStackSettings(projectDir, stack).values["icna:dr"];
    if (declared === undefined) return false;
    try {
      return (JSON.parse(declared) as { region?: unknown }).region === region;
    } catch {
      return false;
    }
  });
  if (candidates.length === 1) return candidates[0];
  throw new Error(
    candidates.length === 0
      ? `no stack declares ${dr}'s region ${region ?? "(unset)"} as its icna:dr.region: pass --from <primary stack>`
      : `${candidates.join(", ")} all declare ${region} as their DR region: pass --from <primary stack>`,
  );
}

export function loadDrillStacks(from: string, to: string, projectDir: string): DrillStacks {
  const primary = readStackSettings(projectDir, from);
  const dr = readStackSettings(projectDir, to);
  return {
    primary: loadStackConfig(from, primary.values),
    dr: loadStackConfig(to, dr.values),
    drSettings: { values: { ...dr.values }, secretKeys: [...dr.secretKeys] },
  };
}

function realDrillPorts(projectDir: string, log: (line: string) => void): DrillPorts {
  return {
    clusters: new EksClusterApi(),
    nodes: new EksNodeReadiness(),
    stacks: new AutomationApiStackUpdater(projectDir, log),
    freeze: new FileDeploymentFreeze(path.join(projectDir, ".icna", "deploy-freeze")),
    planner: async (stack, values, secretKeys) => (await planFromSettings(stack, values, secretKeys)).plan,
    clock: SYSTEM_CLOCK,
  };
}

const refuse = (): Promise<never> => Promise.reject(new Error("a dry run makes no calls"));

/** Ports for describing the drill: any call fails. */
const DRY_RUN_DRILL_PORTS: DrillPorts = {
  clusters: { describe: refuse },
  nodes: { nodeGroups: refuse },
  stacks: { update: refuse },
  freeze: { status: refuse, freeze: refuse, unfreeze: refuse },
  planner: refuse,
  clock: { now: () => new Date(), sleep: refuse },
};

/** A drill that ended (passed, or failed and was torn down and reported) is kept beside the state file, and a new drill starts. */
function archiveEndedDrill(file: string, ended: (state: RunbookState) => boolean): string | undefined {
  if (!fs.existsSync(file)) return undefined;
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as RunbookState;
  if (!ended(state)) return undefined;
  const archived = file.replace(/\.json$/, "") + `.${state.startedAt.replace(/[:.]/g, "-")}.json`;
  fs.renameSync(file, archived);
  return archived;
}

/** `icna dr drill`: prints the plan (--dry-run) or runs the drill, resuming an unfinished one from its state file. */
export async function runDrill(options: DrillRunOptions): Promise<DrillRunResult> {
  const projectDir = options.projectDir ?? PROJECT_DIR;
  const log = options.log ?? (() => undefined);
  const from = options.from ?? primaryOf(options.to, projectDir);
  if (from === options.to) throw new Error(`--from and --to are both "${from}"; name the primary and its DR stack`);
  const stacks = loadDrillStacks(from, options.to, projectDir);
  const workDir = options.workDir ?? path.join(projectDir, ".icna", "dr");
  const ports = options.dryRun ? DRY_RUN_DRILL_PORTS : (options.ports ?? realDrillPorts(projectDir, log));
  const runbook = drillRunbook(stacks, ports, { workDir, ...(options.timeouts ? { timeouts: options.timeouts } : {}) });
  if (options.dryRun) return { kind: "plan", text: describeRunbook(runbook) };
  const stateFile = options.stateFile ?? path.join(workDir, `${options.to}-drill.json`);
  const archived = archiveEndedDrill(stateFile, (state) => runHasEnded(runbook, state));
  if (archived) log(`the previous drill ended; its state is kept as ${archived}`);
  const state = await runRunbook(runbook, {
    store: new JsonFileStateStore(stateFile),
    clock: ports.clock,
    log,
    ...(options.confirm ? { confirm: options.confirm } : {}),
  });
  return { kind: "state", state, ...(archived ? { archived } : {}) };
}
