import type { ClusterState, ConfigEdit, DatabaseState, FailoverPorts, RecordChange, WeightedRecord } from "./ports";
import type { JsonValue, RunbookStep } from "./runbook-model";
import { waitUntil } from "./wait";

/** How long each wait may take before the step fails (and can be re-run). */
export interface StepTimeouts {
  readonly promotionMs: number;
  readonly dnsMs: number;
  readonly healthMs: number;
  readonly pollMs: number;
}

export const DEFAULT_TIMEOUTS: StepTimeouts = {
  promotionMs: 45 * 60_000,
  dnsMs: 10 * 60_000,
  healthMs: 30 * 60_000,
  pollMs: 15_000,
};

const json = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value ?? null)) as JsonValue;

export function freezeStep(ports: FailoverPorts, stacks: readonly string[], reason: string): RunbookStep {
  return {
    id: "freeze-deployments",
    title: `Freeze deployments of ${stacks.join(" and ")}`,
    describe: stacks.map(
      (s) => `write the deploy freeze of ${s} (deploy commands refuse while it exists): "${reason}"`,
    ),
    async run(ctx) {
      for (const stack of stacks) {
        const existing = await ports.freeze.status(stack);
        if (existing) ctx.log(`${stack} already frozen since ${existing.since} by ${existing.by}`);
        else await ports.freeze.freeze({ stack, reason, since: ctx.clock.now().toISOString(), by: "icna dr" });
      }
      return { frozen: [...stacks] };
    },
  };
}

export function unfreezeStep(ports: FailoverPorts, stacks: readonly string[]): RunbookStep {
  return {
    id: "unfreeze-deployments",
    title: `Lift the deploy freeze of ${stacks.join(" and ")}`,
    describe: stacks.map((s) => `remove the deploy freeze of ${s}`),
    async run() {
      for (const stack of stacks) await ports.freeze.unfreeze(stack);
      return { unfrozen: [...stacks] };
    },
  };
}

/** Reads the replica's lag before promotion: the data a promotion now would lose (the RPO). */
export function replicaLagStep(ports: FailoverPorts, region: string, identifier: string): RunbookStep {
  return {
    id: "measure-rpo",
    title: `Read the replication lag of ${identifier} (${region}): the RPO`,
    describe: [
      `CloudWatch GetMetricData AWS/RDS ReplicaLag (Maximum, 60 s) of ${identifier} in ${region}, latest datapoint of the last 15 minutes`,
      `DescribeDBInstances ${identifier}: must exist`,
    ],
    async run(ctx): Promise<Record<string, JsonValue>> {
      const instance = await ports.database.describe(region, identifier);
      if (!instance) throw new Error(`${identifier} does not exist in ${region}`);
      if (!instance.replicaSource) {
        const promotedAt = ctx.outputOf("measure-rpo");
        ctx.log(
          `${identifier} is already a standalone instance (promoted earlier)${promotedAt ? "" : "; the RPO cannot be measured any more"}`,
        );
        return {
          rpoSeconds: null,
          rpoSource: "unmeasured: the instance was already promoted when the runbook read it",
        };
      }
      const reading = await ports.lag.replicaLag(region, identifier, ctx.clock.now());
      if (!reading) {
        ctx.log("no ReplicaLag datapoint in the last 15 minutes (replication stopped, or the source is unreachable)");
        return {
          rpoSeconds: null,
          rpoSource: `unmeasured: no ReplicaLag datapoint for ${identifier} in the last 15 minutes; the loss is at least the time since replication stopped`,
        };
      }
      ctx.log(`ReplicaLag ${reading.seconds} s at ${reading.at.toISOString()}`);
      return {
        rpoSeconds: reading.seconds,
        rpoSource: `CloudWatch AWS/RDS ReplicaLag of ${identifier} at ${reading.at.toISOString()}`,
        replicaSource: instance.replicaSource,
      };
    },
  };
}

/** For a database restored from backups: the RPO is the distance from the latest restorable time. */
export function backupAgeStep(ports: FailoverPorts, region: string, automatedBackupsArn: string): RunbookStep {
  return {
    id: "measure-rpo",
    title: `Read the latest restorable time of the replicated backups (${region}): the RPO`,
    describe: [`DescribeDBInstanceAutomatedBackups ${automatedBackupsArn}: RestoreWindow.LatestTime`],
    async run(ctx) {
      const latest = await ports.database.latestRestorableTime(region, automatedBackupsArn);
      if (!latest)
        throw new Error(
          `no replicated automated backups ${automatedBackupsArn} in ${region}: check the primary's backup replication (icna:data.postgres.backupReplication)`,
        );
      const seconds = Math.max(0, Math.round((ctx.clock.now().getTime() - latest.getTime()) / 1000));
      return {
        rpoSeconds: seconds,
        rpoSource: `latest restorable time ${latest.toISOString()} of ${automatedBackupsArn}`,
        restoreTime: latest.toISOString(),
      };
    },
  };
}

/**
 * Promotes a read replica, exactly once: it calls PromoteReadReplica only when the instance is still a
 * replica in `available` state and no earlier attempt recorded the call; otherwise it waits for the
 * promotion in progress to finish.
 */
export function promoteStep(
  ports: FailoverPorts,
  region: string,
  identifier: string,
  backupRetentionDays: number,
  timeouts: StepTimeouts,
): RunbookStep {
  return {
    id: "promote-database",
    title: `Promote the read replica ${identifier} (${region}) to a standalone writer`,
    irreversible: true,
    describe: [
      `DescribeDBInstances ${identifier}: skip when already standalone`,
      `PromoteReadReplica ${identifier} BackupRetentionPeriod=${backupRetentionDays}`,
      `wait until ${identifier} is available and no longer a replica (up to ${timeouts.promotionMs / 60_000} min)`,
    ],
    async run(ctx) {
      if (ctx.checkpoints.promotionRequestedAt !== undefined)
        ctx.log(
          `promotion was requested at ${String(ctx.checkpoints.promotionRequestedAt)}; waiting for it, never requesting it again`,
        );
      const after = await waitUntil<DatabaseState>(
        ctx.clock,
        `${identifier} to finish promotion`,
        async () => {
          const state = await ports.database.describe(region, identifier);
          if (!state) throw new Error(`${identifier} does not exist in ${region}`);
          if (!state.replicaSource) return state.status === "available" ? { done: state } : { waiting: state.status };
          // Still a replica. Promote only from `available` and only if no attempt has asked already;
          // a replica in any other state may be mid-promotion from a crashed attempt: wait for it.
          if (state.status === "available" && ctx.checkpoints.promotionRequestedAt === undefined) {
            await ports.database.promote(region, identifier, backupRetentionDays);
            await ctx.checkpoint("promotionRequestedAt", ctx.clock.now().toISOString());
            ctx.log(`PromoteReadReplica requested for ${identifier}`);
          }
          return { waiting: `${state.status}, replica of ${state.replicaSource}` };
        },
        { timeoutMs: timeouts.promotionMs, intervalMs: timeouts.pollMs },
      );
      return { arn: after.arn, promotionRequestedAt: ctx.checkpoints.promotionRequestedAt ?? null };
    },
  };
}

export function stackUpdateStep(
  ports: FailoverPorts,
  id: string,
  stack: string,
  edits: readonly ConfigEdit[],
  previous: readonly ConfigEdit[],
): RunbookStep {
  return {
    id,
    title: `Update the ${stack} stack (Automation API: set config, pulumi up)`,
    describe: [
      ...edits.map((e) => `config ${e.key} = ${e.value === undefined ? "(removed)" : JSON.stringify(e.value)}`),
      `pulumi up --stack ${stack} --non-interactive`,
    ],
    async run() {
      const result = await ports.stacks.update(stack, edits);
      return { changes: json(result.changes), applied: json(edits), previous: json(previous) };
    },
  };
}

export function dnsStep(
  ports: FailoverPorts,
  zoneId: string,
  comment: string,
  changes: (ctx: {
    find: (setIdentifier: string) => Promise<WeightedRecord | undefined>;
  }) => Promise<readonly RecordChange[]>,
  preview: readonly RecordChange[],
  timeouts: StepTimeouts,
): RunbookStep {
  const line = (c: RecordChange) =>
    `${c.action} ${c.record.name} CNAME set=${c.record.setIdentifier} weight=${c.record.weight} ttl=${c.record.ttl} → ${c.record.value}`;
  return {
    id: "switch-dns",
    title: `Re-point the public hostname (Route 53 zone ${zoneId})`,
    describe: [
      `ChangeResourceRecordSets (one atomic batch): ${comment}`,
      ...preview.map(line),
      "GetChange until INSYNC",
    ],
    async run(ctx) {
      const batch = await changes({
        find: (setIdentifier) => ports.dns.find(zoneId, preview[0]?.record.name ?? "", setIdentifier),
      });
      let changeId = typeof ctx.checkpoints.changeId === "string" ? ctx.checkpoints.changeId : undefined;
      if (!changeId) {
        changeId = await ports.dns.change(zoneId, comment, batch);
        await ctx.checkpoint("changeId", changeId);
        ctx.log(`change ${changeId}: ${batch.map(line).join("; ")}`);
      }
      const id = changeId;
      await waitUntil(
        ctx.clock,
        `Route 53 change ${id} to be INSYNC`,
        async () => ((await ports.dns.isInSync(id)) ? { done: true } : { waiting: "PENDING" }),
        { timeoutMs: timeouts.dnsMs, intervalMs: timeouts.pollMs },
      );
      return { changeId: id, changes: json(batch) };
    },
  };
}

/**
 * Why a cluster cannot serve yet (none when it can): it must exist, be ACTIVE, and have its own region's
 * OIDC issuer, which IRSA trust follows.
 */
export function clusterProblems(cluster: ClusterState | undefined, name: string, region: string): string[] {
  if (!cluster) return [`cluster ${name} absent`];
  if (cluster.status !== "ACTIVE") return [`cluster ${cluster.status}`];
  if (!cluster.oidcIssuer?.includes(`oidc.eks.${region}.amazonaws.com`))
    return [`OIDC issuer ${cluster.oidcIssuer ?? "missing"} is not in ${region}`];
  return [];
}

export interface HealthTarget {
  readonly region: string;
  readonly cluster: string;
  readonly database: string;
}

/** The serving side is healthy when its cluster is ACTIVE with its own region's OIDC issuer (IRSA) and its database is a standalone writer. */
export function healthStep(
  ports: FailoverPorts,
  id: string,
  target: HealthTarget,
  timeouts: StepTimeouts,
): RunbookStep {
  return {
    id,
    title: `Verify ${target.cluster} and ${target.database} in ${target.region}`,
    describe: [
      `DescribeCluster ${target.cluster} (${target.region}): status ACTIVE, OIDC issuer oidc.eks.${target.region}.amazonaws.com (IRSA trust follows the cluster)`,
      `DescribeDBInstances ${target.database}: available, not a replica`,
      `up to ${timeouts.healthMs / 60_000} min`,
    ],
    async run(ctx) {
      return waitUntil<Record<string, JsonValue>>(
        ctx.clock,
        `${target.cluster} and ${target.database} to be healthy`,
        async () => {
          const cluster = await ports.clusters.describe(target.region, target.cluster);
          const database = await ports.database.describe(target.region, target.database);
          const problems = [
            ...clusterProblems(cluster, target.cluster, target.region),
            !database
              ? `database ${target.database} absent`
              : database.status !== "available"
                ? `database ${database.status}`
                : database.replicaSource
                  ? `database still a replica of ${database.replicaSource}`
                  : undefined,
          ].filter((p): p is string => p !== undefined);
          if (problems.length > 0) return { waiting: problems.join("; ") };
          return {
            done: {
              cluster: target.cluster,
              oidcIssuer: cluster?.oidcIssuer ?? null,
              database: target.database,
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
 * Failback precondition: the database about to be promoted must replicate from the one serving now;
 * promoting anything else would serve stale data.
 */
export function replicaOfStep(
  ports: FailoverPorts,
  region: string,
  identifier: string,
  source: string,
  howToFix: string,
): RunbookStep {
  return {
    id: "check-replication",
    title: `Check that ${identifier} (${region}) replicates from ${source}`,
    describe: [`DescribeDBInstances ${identifier}: ReadReplicaSourceDBInstanceIdentifier must name ${source}`],
    async run() {
      const state = await ports.database.describe(region, identifier);
      if (!state) throw new Error(`${identifier} does not exist in ${region}: ${howToFix}`);
      if (!state.replicaSource || (!state.replicaSource.endsWith(`:db:${source}`) && state.replicaSource !== source)) {
        throw new Error(
          `${identifier} is ${state.replicaSource ? `a replica of ${state.replicaSource}` : "a standalone instance"}, not a replica of ${source}, so promoting it would serve stale data: ${howToFix}`,
        );
      }
      return { replicaSource: state.replicaSource };
    },
  };
}
