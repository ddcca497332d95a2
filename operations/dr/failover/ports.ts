import type { Clock } from "../../clock";

/**
 * What the failover runbook needs from the outside world, one interface per concern. The real
 * implementations (AWS SDK v3, the Pulumi Automation API, a lock file) live beside these; tests replace
 * the AWS clients with recorded responses.
 */

/** Who froze deployments of a stack, and why. */
export interface FreezeRecord {
  readonly stack: string;
  readonly reason: string;
  /** ISO time. */
  readonly since: string;
  readonly by: string;
}

/** The marker deploy commands check before `pulumi up`. */
export interface DeploymentFreeze {
  status(stack: string): Promise<FreezeRecord | undefined>;
  /** Freezes the stack; freezing an already frozen stack keeps the first record. */
  freeze(record: FreezeRecord): Promise<void>;
  /** Lifts the freeze; lifting an absent freeze does nothing. */
  unfreeze(stack: string): Promise<void>;
}

/** An RDS instance as far as failover cares. */
export interface DatabaseState {
  readonly identifier: string;
  readonly arn: string;
  /** RDS DBInstanceStatus: available, modifying, rebooting, … */
  readonly status: string;
  /** Source of a read replica (identifier or, cross-region, ARN); absent once promoted. */
  readonly replicaSource?: string;
}

export interface DatabaseApi {
  /** The instance, or undefined when it does not exist. */
  describe(region: string, identifier: string): Promise<DatabaseState | undefined>;
  /** PromoteReadReplica: makes the replica a standalone, writable instance. Irreversible. */
  promote(region: string, identifier: string, backupRetentionDays: number): Promise<void>;
  /** The latest time the automated backups can restore to (RestoreWindow.LatestTime). */
  latestRestorableTime(region: string, automatedBackupsArn: string): Promise<Date | undefined>;
}

/** A replication-lag reading. */
export interface LagReading {
  readonly seconds: number;
  /** When the datapoint was taken. */
  readonly at: Date;
}

export interface ReplicationLagApi {
  /** The latest RDS `ReplicaLag` of a replica (CloudWatch), or undefined when there is no recent datapoint. */
  replicaLag(region: string, identifier: string, now: Date): Promise<LagReading | undefined>;
}

/** One weighted record of the public hostname. */
export interface WeightedRecord {
  readonly name: string;
  readonly type: "CNAME";
  readonly setIdentifier: string;
  readonly weight: number;
  readonly ttl: number;
  readonly value: string;
}

export interface RecordChange {
  readonly action: "UPSERT" | "DELETE";
  readonly record: WeightedRecord;
}

export interface DnsApi {
  /** The weighted record with this name and set identifier, if it exists. */
  find(zoneId: string, name: string, setIdentifier: string): Promise<WeightedRecord | undefined>;
  /** ChangeResourceRecordSets as one atomic batch; returns the change id. */
  change(zoneId: string, comment: string, changes: readonly RecordChange[]): Promise<string>;
  /** True once the change has propagated to every Route 53 server (INSYNC). */
  isInSync(changeId: string): Promise<boolean>;
}

export interface ClusterState {
  readonly name: string;
  /** EKS cluster status: CREATING, ACTIVE, UPDATING, … */
  readonly status: string;
  readonly oidcIssuer?: string;
}

export interface ClusterApi {
  describe(region: string, name: string): Promise<ClusterState | undefined>;
}

/** A change to one top-level config key of a stack (`icna:clusters`), as a whole structured value. */
export interface ConfigEdit {
  readonly key: string;
  /** The new value; undefined removes the key. */
  readonly value: unknown;
}

/** One resource operation of an update, as the engine reported it. */
export interface ResourceOperation {
  readonly urn: string;
  readonly type: string;
  /** Engine op: create, update, replace, delete, same, read, … */
  readonly op: string;
}

export interface StackUpdateResult {
  /** Resource operation counts as the engine reports them, e.g. {create: 12, same: 96}. */
  readonly changes: Readonly<Record<string, number>>;
  /** Every resource operation other than `same`, when the updater observed them (engine events). */
  readonly operations?: readonly ResourceOperation[];
}

/** Applies config edits to a stack and runs `pulumi up` (real implementation: the Automation API). */
export interface StackUpdater {
  update(stack: string, edits: readonly ConfigEdit[]): Promise<StackUpdateResult>;
}

/** Asks the operator a yes/no question. */
export type Confirm = (question: string) => Promise<boolean>;

/** Everything the runbook's steps call. */
export interface FailoverPorts {
  readonly freeze: DeploymentFreeze;
  readonly database: DatabaseApi;
  readonly lag: ReplicationLagApi;
  readonly dns: DnsApi;
  readonly clusters: ClusterApi;
  readonly stacks: StackUpdater;
  readonly clock: Clock;
}
