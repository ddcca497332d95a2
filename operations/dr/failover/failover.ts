import type { StackConfig } from "../../../stacks/config/stack-config";
import {
  failbackDnsChanges,
  failoverConfigEdits,
  failoverDnsChanges,
  failoverTargets,
  previousValues,
} from "./failover-targets";
import type { ConfigEdit, FailoverPorts } from "./ports";
import { reportStep } from "./report";
import type { Runbook, RunbookState, RunbookStep } from "./runbook-model";
import {
  backupAgeStep,
  DEFAULT_TIMEOUTS,
  dnsStep,
  freezeStep,
  healthStep,
  promoteStep,
  replicaLagStep,
  replicaOfStep,
  StepTimeouts,
  stackUpdateStep,
  unfreezeStep,
} from "./steps";

/** The two stacks, as validated config, plus the DR stack file's own values (edited, never regenerated). */
export interface DrStacks {
  readonly primary: StackConfig;
  readonly dr: StackConfig;
  readonly drSettings: Record<string, string>;
}

export interface RunbookOptions {
  /** Where the report is written. */
  readonly reportDir: string;
  readonly timeouts?: StepTimeouts;
}

/**
 * Failover, in order: freeze deployments, read the RPO, promote the database (or let the stack update
 * restore it from the replicated backups), run the DR stack at production size, re-point DNS, verify,
 * report. Deployments stay frozen until failback.
 */
export function failoverRunbook(
  { primary, dr, drSettings }: DrStacks,
  ports: FailoverPorts,
  options: RunbookOptions,
): Runbook {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const targets = failoverTargets(primary, dr);
  const { takeover } = targets.database;
  const edits = failoverConfigEdits(primary, drSettings, takeover);
  const dnsChanges = failoverDnsChanges(primary, dr, targets);
  const database: RunbookStep[] =
    takeover.mode === "promote-replica"
      ? [
          replicaLagStep(ports, targets.drRegion, targets.database.identifier),
          promoteStep(
            ports,
            targets.drRegion,
            targets.database.identifier,
            targets.database.backupRetentionDays,
            timeouts,
          ),
        ]
      : [backupAgeStep(ports, targets.drRegion, takeover.automatedBackupsArn)];
  const followUps = [
    `Commit Pulumi.${dr.stack}.yaml: the update wrote the production-size config of ${dr.stack}.`,
    `Deployments of ${primary.stack} and ${dr.stack} stay frozen until \`icna dr failback --from ${primary.stack} --to ${dr.stack}\`.`,
    `Do not run \`pulumi up\` on ${primary.stack}: its Route 53 weights now differ from its state on purpose.`,
  ];
  return {
    operation: "failover",
    from: primary.stack,
    to: dr.stack,
    steps: [
      freezeStep(ports, [primary.stack, dr.stack], `failover of ${primary.stack} to ${dr.stack} in progress`),
      ...database,
      stackUpdateStep(ports, "update-dr-stack", dr.stack, edits, previousValues(drSettings, edits)),
      dnsStep(
        ports,
        targets.dns.zoneId,
        `icna dr failover: ${targets.dns.hostname} to ${dr.stack}`,
        () => Promise.resolve(dnsChanges),
        dnsChanges,
        timeouts,
      ),
      healthStep(
        ports,
        "verify-health",
        { region: targets.drRegion, cluster: targets.drCluster, database: targets.database.identifier },
        timeouts,
      ),
      reportStep(options.reportDir, "verify-health", followUps),
    ],
  };
}

const preFailoverConfigMissing = (dr: string) =>
  `no failover state records ${dr}'s config before failover (step update-dr-stack): pass the failover's state file with --failover-state <file>`;

/** The DR stack's config before failover, as the failover recorded it. */
function preFailoverConfig(failoverState: RunbookState | undefined, dr: string): ConfigEdit[] {
  const previous = failoverState?.steps["update-dr-stack"]?.output?.previous;
  if (!Array.isArray(previous)) throw new Error(preFailoverConfigMissing(dr));
  return previous
    .filter((e) => e !== null && typeof e === "object" && !Array.isArray(e) && e.key !== "icna:data")
    .map((e) => ({ key: String((e as { key: unknown }).key), value: (e as { value?: unknown }).value }));
}

/**
 * Failback once the primary is back and its database is a read replica of DR's: freeze, read the RPO,
 * promote the primary's replica, verify the primary, give DNS back, return DR to pilot light, lift the freeze.
 */
export function failbackRunbook(
  { primary, dr }: DrStacks,
  ports: FailoverPorts,
  options: RunbookOptions & { readonly failoverState?: RunbookState },
): Runbook {
  const timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
  const targets = failoverTargets(primary, dr);
  const restoreDr: RunbookStep = options.failoverState
    ? stackUpdateStep(ports, "update-dr-stack", dr.stack, preFailoverConfig(options.failoverState, dr.stack), [])
    : {
        id: "update-dr-stack",
        title: `Return the ${dr.stack} stack to pilot light (Automation API)`,
        describe: [
          `restore ${dr.stack}'s icna:clusters and icna:traffic as the failover's state file recorded them before failover, then pulumi up`,
        ],
        run: () => Promise.reject(new Error(preFailoverConfigMissing(dr.stack))),
      };
  const preview = failbackDnsChanges(primary, targets, {
    name: targets.dns.hostname,
    type: "CNAME",
    setIdentifier: "dr",
    weight: 100,
    ttl: targets.dns.ttl,
    value: `${targets.colour}.${dr.traffic.hostname}`,
  });
  const followUps = [
    `${dr.stack}'s database ${targets.database.identifier} is standalone now: recreate it as a replica of ${targets.primaryDatabase} (replace it with icna:data.postgres.replicateSourceDb set) to restore the RPO.`,
    `Commit Pulumi.${dr.stack}.yaml: the update restored its pilot-light config.`,
  ];
  return {
    operation: "failback",
    from: primary.stack,
    to: dr.stack,
    steps: [
      freezeStep(ports, [primary.stack, dr.stack], `failback of ${dr.stack} to ${primary.stack} in progress`),
      replicaOfStep(
        ports,
        targets.primaryRegion,
        targets.primaryDatabase,
        targets.database.identifier,
        `recreate ${targets.primaryDatabase} as a cross-region read replica of ${targets.database.identifier} (set icna:data.postgres.replicateSourceDb in Pulumi.${primary.stack}.yaml to its ARN and pulumi up ${primary.stack}), wait for the lag to fall, then re-run`,
      ),
      replicaLagStep(ports, targets.primaryRegion, targets.primaryDatabase),
      promoteStep(
        ports,
        targets.primaryRegion,
        targets.primaryDatabase,
        primary.data.postgres.backupRetentionDays,
        timeouts,
      ),
      healthStep(
        ports,
        "verify-primary",
        { region: targets.primaryRegion, cluster: targets.primaryCluster, database: targets.primaryDatabase },
        timeouts,
      ),
      dnsStep(
        ports,
        targets.dns.zoneId,
        `icna dr failback: ${targets.dns.hostname} to ${primary.stack}`,
        async ({ find }) => failbackDnsChanges(primary, targets, await find("dr")),
        preview,
        timeouts,
      ),
      restoreDr,
      unfreezeStep(ports, [primary.stack, dr.stack]),
      reportStep(options.reportDir, "verify-primary", followUps),
    ],
  };
}
