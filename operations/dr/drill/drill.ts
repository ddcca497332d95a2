import type { StackConfig } from "../../../stacks/config/stack-config";
import { productionClusters } from "../failover/failover-targets";
import type { Runbook } from "../failover/runbook-model";
import { DEFAULT_TIMEOUTS, type StepTimeouts } from "../failover/steps";
import { drillReportStep } from "./drill-report";
import { DrillChange, DrillSettings, preflightStep, scaleUpStep, teardownStep, verifyStep } from "./drill-steps";
import type { DrillPorts } from "./ports";

export interface DrillStacks {
  /** The primary: its live colour and node-group sizes are what a failover brings up in DR. */
  readonly primary: StackConfig;
  readonly dr: StackConfig;
  readonly drSettings: DrillSettings;
}

export interface DrillOptions {
  /** Where the report goes and the failover/failback state files are looked for. */
  readonly workDir: string;
  readonly timeouts?: StepTimeouts;
}

/**
 * The drill's change, from config alone: the failover's cluster config (the primary's live colour enabled
 * at the primary's node-group sizes) and nothing else: no traffic, no data-tier key.
 */
export function drillChange({ primary, dr, drSettings }: DrillStacks): DrillChange {
  const colour = primary.traffic.live;
  const cluster = `${dr.namePrefix}-${colour}`;
  const groups = primary.clusters[colour].nodeGroups;
  return {
    stack: dr.stack,
    region: dr.region,
    cluster,
    edits: [{ key: "icna:clusters", value: productionClusters(primary, drSettings.values) }],
    expectedReady: {
      [`${cluster}-system`]: groups.system.desiredSize,
      [`${cluster}-workload`]: groups.workload.desiredSize,
    },
  };
}

/**
 * A DR drill: recreate the DR clusters at production size from code, verify them, tear them down and
 * report the times. Traffic and the data tier are never changed; the teardown and the report run even
 * after a failed step. `change` defaults to `drillChange(stacks)`; whatever it holds, the preflight refuses
 * it unless only cluster-side resources differ.
 */
export function drillRunbook(
  stacks: DrillStacks,
  ports: DrillPorts,
  options: DrillOptions,
  change: DrillChange = drillChange(stacks),
): Runbook {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  return {
    operation: "drill",
    from: stacks.primary.stack,
    to: stacks.dr.stack,
    steps: [
      preflightStep(ports, change, stacks.drSettings, options.workDir),
      scaleUpStep(ports, change),
      verifyStep(ports, change, timeouts),
      teardownStep(ports, change),
      drillReportStep(options.workDir, change.cluster),
    ],
  };
}
