import { previousValues } from "../failover/failover-targets";
import type { ConfigEdit } from "../failover/ports";
import type { JsonValue, RunbookStep, StepContext } from "../failover/runbook-model";
import { clusterProblems, type StepTimeouts } from "../failover/steps";
import { waitUntil } from "../failover/wait";
import { impactRefusal, operationsOutsideClusters, planDrillImpact } from "./drill-impact";
import { drOperationsInProgress } from "./dr-operations-in-progress";
import type { DrillPorts } from "./ports";

/** What a drill changes: one config key of the DR stack, and the node counts that must come up. */
export interface DrillChange {
  readonly stack: string;
  readonly region: string;
  /** The cluster the drill brings to production size, e.g. `icna-dr-blue`. */
  readonly cluster: string;
  /** The drill's config edits (the shipped drill: `icna:clusters` only). */
  readonly edits: readonly ConfigEdit[];
  /** Ready nodes expected per node group name prefix (`icna-dr-blue-workload` → 6). */
  readonly expectedReady: Readonly<Record<string, number>>;
}

/** The DR stack's flat config as its file holds it now. */
export interface DrillSettings {
  readonly values: Record<string, string>;
  readonly secretKeys: string[];
}

export const PREFLIGHT = "preflight";
export const SCALE_UP = "scale-up-clusters";
export const VERIFY = "verify-clusters";
export const TEARDOWN = "teardown-clusters";

const json = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;
const show = (value: unknown) => (value === undefined ? "(removed)" : JSON.stringify(value));

/** The edits the teardown applies: every drilled key as it was before the drill, as the preflight recorded it. */
function originalEdits(ctx: StepContext): ConfigEdit[] {
  const original = ctx.outputOf(PREFLIGHT)?.original;
  if (!Array.isArray(original))
    throw new Error(
      "the preflight recorded no original config: the state file is damaged; restore the drilled keys by hand from git and pulumi up",
    );
  return original.map((e) => {
    const edit = e as { key: string; value: JsonValue };
    return { key: edit.key, value: edit.value === null ? undefined : edit.value };
  });
}

const editLines = (edits: readonly ConfigEdit[]) => edits.map((e) => `config ${e.key} = ${show(e.value)}`);
const keys = (edits: readonly ConfigEdit[]) => edits.map((e) => e.key).join(", ");

/**
 * Refuses unless the drill is safe: no failover or failback owns the DR stack, its plan is valid before
 * and after the change, and the only resources that differ are cluster-side. Records the key's original
 * value, which the teardown restores even when the stack file was rewritten by the scale-up.
 */
export function preflightStep(
  ports: DrillPorts,
  change: DrillChange,
  settings: DrillSettings,
  workDir: string,
): RunbookStep {
  const { stack, edits } = change;
  return {
    id: PREFLIGHT,
    title: `Check that the drill may run and touches only ${stack}'s clusters`,
    describe: [
      `refuse while ${stack} is frozen for deploys, or a failover/failback state in ${workDir} is not over (a completed failover without a later failback means ${stack} serves production)`,
      `plan ${stack} offline as it is and with: ${editLines(edits).join("; ")}`,
      "refuse unless every resource that differs is cluster-side (EKS clusters, node groups, add-ons, in-cluster resources): any data-tier, network or DNS difference aborts",
      `record ${stack}'s current ${keys(edits)}, which the teardown restores`,
    ],
    async run(ctx) {
      const frozen = await ports.freeze.status(stack);
      if (frozen)
        throw new Error(
          `refused: deployments of ${stack} are frozen since ${frozen.since} by ${frozen.by} (${frozen.reason}); a drill must not change a stack a failover or failback owns`,
        );
      const busy = drOperationsInProgress(workDir, stack);
      if (busy.length > 0) throw new Error(`refused: ${busy.join("; ")}`);
      const impact = await planDrillImpact(stack, settings.values, settings.secretKeys, edits, ports.planner);
      const refusal = impactRefusal(stack, impact);
      if (refusal) throw new Error(`refused: ${refusal}`);
      if (impact.differences.length === 0)
        throw new Error(
          `refused: ${keys(edits)} of ${stack} already has the drill's values, so there is nothing to recreate: ${stack} already runs at production size, or an earlier drill was not torn down (restore ${keys(edits)} from git and pulumi up ${stack})`,
        );
      ctx.log(
        `${impact.differences.length} cluster-side resources differ, none in the data tier: ${impact.differences.map((d) => `${d.change} ${d.urn}`).join("; ")}`,
      );
      return {
        original: json(previousValues(settings.values, edits).map((e) => ({ key: e.key, value: e.value ?? null }))),
        drill: json(edits),
        differences: json(impact.differences),
        dataTierDifferences: 0,
      };
    },
  };
}

/** Applies the drill's config through the same StackUpdater the failover uses, and checks what the engine did. */
export function scaleUpStep(ports: DrillPorts, change: DrillChange): RunbookStep {
  return {
    id: SCALE_UP,
    title: `Recreate ${change.cluster}'s node groups at production size (Automation API: set config, pulumi up ${change.stack})`,
    confirmation: `scales ${change.stack}'s clusters up (EC2 nodes cost money until the teardown); Route 53 and the data tier are not changed`,
    describe: [
      ...editLines(change.edits),
      `pulumi up --stack ${change.stack} --non-interactive`,
      "fail (and tear down) if the engine reports an operation on any resource that is not cluster-side",
    ],
    async run(ctx) {
      const result = await ports.stacks.update(change.stack, change.edits);
      const outside = operationsOutsideClusters(result.operations ?? []);
      if (outside.length > 0)
        throw new Error(
          `the update of ${change.stack} operated outside the clusters: ${outside.map((o) => `${o.op} ${o.urn}`).join("; ")}`,
        );
      if (!result.operations)
        ctx.log(
          "the stack updater did not report resource operations: only the offline plan proves the data tier untouched",
        );
      return {
        changes: json(result.changes),
        operations: result.operations ? json(result.operations) : null,
        applied: json(change.edits),
      };
    },
  };
}

/** The recreated cluster serves: ACTIVE with its own region's OIDC issuer (the failover's check), and every node group has its Ready nodes. */
export function verifyStep(ports: DrillPorts, change: DrillChange, timeouts: StepTimeouts): RunbookStep {
  const expected = Object.entries(change.expectedReady);
  return {
    id: VERIFY,
    title: `Verify ${change.cluster} (${change.region}): ACTIVE and its nodes Ready`,
    describe: [
      `DescribeCluster ${change.cluster}: status ACTIVE, OIDC issuer oidc.eks.${change.region}.amazonaws.com`,
      `Kubernetes GET /api/v1/nodes (label eks.amazonaws.com/nodegroup): Ready nodes ${expected.map(([g, n]) => `${g}* ≥ ${n}`).join(", ")}`,
      `up to ${timeouts.healthMs / 60_000} min, polling every ${timeouts.pollMs / 1000} s`,
    ],
    async run(ctx) {
      return waitUntil<Record<string, JsonValue>>(
        ctx.clock,
        `${change.cluster} to be ACTIVE with its nodes Ready`,
        async () => {
          const cluster = await ports.clusters.describe(change.region, change.cluster);
          const problems = clusterProblems(cluster, change.cluster, change.region);
          if (problems.length > 0) return { waiting: problems.join("; ") };
          const groups = await ports.nodes.nodeGroups(change.region, change.cluster);
          const ready: Record<string, number> = {};
          for (const [prefix, count] of expected) {
            ready[prefix] = groups.filter((g) => g.nodeGroup.startsWith(`${prefix}-`)).reduce((n, g) => n + g.ready, 0);
            if (ready[prefix] < count) problems.push(`${prefix}: ${ready[prefix]}/${count} nodes Ready`);
          }
          if (problems.length > 0) return { waiting: problems.join("; ") };
          return {
            done: {
              cluster: change.cluster,
              oidcIssuer: cluster?.oidcIssuer ?? null,
              readyNodes: ready,
              healthyAt: ctx.clock.now().toISOString(),
            },
          };
        },
        { timeoutMs: timeouts.healthMs, intervalMs: timeouts.pollMs },
      );
    },
  };
}

/**
 * Puts the drilled key back as the preflight recorded it and updates the stack again. Runs after any
 * failure once the scale-up has started; skips when it never did (nothing was changed).
 */
export function teardownStep(ports: DrillPorts, change: DrillChange): RunbookStep {
  return {
    id: TEARDOWN,
    title: `Tear down: restore ${change.stack}'s ${keys(change.edits)} and pulumi up ${change.stack}`,
    always: true,
    describe: [
      `skip if the scale-up never started; otherwise config ${keys(change.edits)} = the values before the drill (recorded by the preflight)`,
      `pulumi up --stack ${change.stack} --non-interactive`,
    ],
    async run(ctx): Promise<Record<string, JsonValue>> {
      if (ctx.state.steps[SCALE_UP] === undefined) {
        ctx.log("the scale-up never started: nothing to tear down");
        return { skipped: true };
      }
      const restore = originalEdits(ctx);
      const result = await ports.stacks.update(change.stack, restore);
      const outside = operationsOutsideClusters(result.operations ?? []);
      if (outside.length > 0)
        throw new Error(
          `the teardown of ${change.stack} operated outside the clusters: ${outside.map((o) => `${o.op} ${o.urn}`).join("; ")}`,
        );
      return {
        skipped: false,
        changes: json(result.changes),
        operations: result.operations ? json(result.operations) : null,
        restored: json(restore),
      };
    },
  };
}
