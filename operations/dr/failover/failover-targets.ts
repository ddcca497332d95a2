import type { Colour, StackConfig } from "../../../stacks/config/stack-config";
import type { ConfigEdit, RecordChange, WeightedRecord } from "./ports";

/** How the DR database takes over, from the DR stack's `icna:data.postgres` data source. */
export type DatabaseTakeover =
  /** Promote the cross-region read replica (PromoteReadReplica). */
  | { readonly mode: "promote-replica"; readonly sourceArn: string }
  /** The DR stack update creates the database from the primary's replicated automated backups. */
  | { readonly mode: "restore-from-backups"; readonly automatedBackupsArn: string; readonly restoreTime?: string };

/** Everything a failover touches, computed from the two stacks' configs alone (no credentials). */
export interface FailoverTargets {
  readonly from: string;
  readonly to: string;
  readonly primaryRegion: string;
  readonly drRegion: string;
  /** The colour serving production: the one DR must run. */
  readonly colour: Colour;
  readonly database: {
    readonly identifier: string;
    readonly backupRetentionDays: number;
    readonly takeover: DatabaseTakeover;
  };
  /** The primary's database (the failback promotes a replica of DR under this name). */
  readonly primaryDatabase: string;
  readonly drCluster: string;
  readonly primaryCluster: string;
  readonly dns: { readonly zoneId: string; readonly hostname: string; readonly ttl: number };
}

/** The Route 53 set identifier of the record that sends the primary hostname to DR. */
export const DR_SET_IDENTIFIER = "dr";

/** Reads the targets, or explains which DR setting makes failover impossible. */
export function failoverTargets(primary: StackConfig, dr: StackConfig): FailoverTargets {
  const source = dr.data.postgres.dataSource;
  let takeover: DatabaseTakeover;
  if (source.kind === "readReplica") takeover = { mode: "promote-replica", sourceArn: source.sourceDbInstanceArn };
  else if (source.kind === "automatedBackups")
    takeover = {
      mode: "restore-from-backups",
      automatedBackupsArn: source.sourceDbInstanceAutomatedBackupsArn,
      ...(source.restoreTime ? { restoreTime: source.restoreTime } : {}),
    };
  else {
    throw new Error(
      `the ${dr.stack} stack's database has no copy of ${primary.stack}'s data (icna:data.postgres data source: ${source.kind}): set icna:data.postgres.replicateSourceDb to ${primary.stack}'s instance ARN (arn:aws:rds:${primary.region}:${primary.accountId}:db:${primary.namePrefix}-postgres) or restoreFrom.sourceDbInstanceAutomatedBackupsArn in Pulumi.${dr.stack}.yaml`,
    );
  }
  if (primary.dr?.region !== undefined && primary.dr.region !== dr.region) {
    throw new Error(
      `${primary.stack} declares its DR region as ${primary.dr.region} (icna:dr.region) but ${dr.stack} runs in ${dr.region}: run icna dr check --from ${primary.stack} --to ${dr.stack}`,
    );
  }
  const colour = primary.traffic.live;
  return {
    from: primary.stack,
    to: dr.stack,
    primaryRegion: primary.region,
    drRegion: dr.region,
    colour,
    database: {
      identifier: `${dr.namePrefix}-postgres`,
      backupRetentionDays: dr.data.postgres.backupRetentionDays,
      takeover,
    },
    primaryDatabase: `${primary.namePrefix}-postgres`,
    drCluster: `${dr.namePrefix}-${colour}`,
    primaryCluster: `${primary.namePrefix}-${colour}`,
    dns: { zoneId: primary.traffic.hostedZoneId, hostname: primary.traffic.hostname, ttl: primary.traffic.ttlSeconds },
  };
}

const parse = (settings: Record<string, string>, key: string): Record<string, unknown> => {
  const text = settings[key];
  return text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>);
};
const object = (parent: Record<string, unknown>, key: string): Record<string, unknown> => {
  const value = parent[key];
  if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  parent[key] = created;
  return created;
};

/**
 * The DR stack's `icna:clusters` for running production: the primary's live colour enabled at the
 * primary's node-group sizes, with the primary's admins when DR names none. Other settings stay as written.
 */
export function productionClusters(primary: StackConfig, drSettings: Record<string, string>): Record<string, unknown> {
  const colour = primary.traffic.live;
  const clusters = parse(drSettings, "icna:clusters");
  const cluster = object(clusters, colour);
  cluster.enabled = true;
  const source = primary.clusters[colour];
  if (!Array.isArray(cluster.adminRoleArns) || cluster.adminRoleArns.length === 0)
    cluster.adminRoleArns = [...source.adminRoleArns];
  const nodeGroups = object(cluster, "nodeGroups");
  for (const group of ["system", "workload"] as const) {
    const { minSize, maxSize, desiredSize } = source.nodeGroups[group];
    Object.assign(object(nodeGroups, group), { minSize, maxSize, desiredSize });
  }
  return clusters;
}

/**
 * The DR stack's config for running production: the live colour enabled at the primary's node-group sizes
 * (with the primary's admins when DR names none), traffic on that colour, and, once the replica is promoted,
 * no replication source. Works on the stack file's own values so unrelated settings stay as written.
 */
export function failoverConfigEdits(
  primary: StackConfig,
  drSettings: Record<string, string>,
  takeover: DatabaseTakeover,
): ConfigEdit[] {
  const colour = primary.traffic.live;
  const clusters = productionClusters(primary, drSettings);
  const traffic = parse(drSettings, "icna:traffic");
  traffic.live = colour;
  traffic.weights = { blue: colour === "blue" ? 100 : 0, green: colour === "green" ? 100 : 0 };
  const edits: ConfigEdit[] = [
    { key: "icna:clusters", value: clusters },
    { key: "icna:traffic", value: traffic },
  ];
  if (takeover.mode === "promote-replica") {
    const data = parse(drSettings, "icna:data");
    delete object(data, "postgres").replicateSourceDb;
    edits.push({ key: "icna:data", value: data });
  }
  return edits;
}

/** The current values of the keys a set of edits changes, to put them back on failback. */
export function previousValues(drSettings: Record<string, string>, edits: readonly ConfigEdit[]): ConfigEdit[] {
  return edits.map((e) => ({
    key: e.key,
    value: drSettings[e.key] === undefined ? undefined : (JSON.parse(drSettings[e.key]) as unknown),
  }));
}

const colourRecord = (targets: FailoverTargets, colour: Colour, weight: number): WeightedRecord => ({
  name: targets.dns.hostname,
  type: "CNAME",
  setIdentifier: colour,
  weight,
  ttl: targets.dns.ttl,
  value: `${colour}.${targets.dns.hostname}`,
});

/** Sends the primary hostname to DR: its colour records to weight 0, a `dr` record to DR's live colour at 100. One atomic batch. */
export function failoverDnsChanges(primary: StackConfig, dr: StackConfig, targets: FailoverTargets): RecordChange[] {
  const colours = (Object.keys(primary.clusters) as Colour[]).filter((c) => primary.clusters[c].enabled);
  return [
    ...colours.map((c): RecordChange => ({ action: "UPSERT", record: colourRecord(targets, c, 0) })),
    {
      action: "UPSERT",
      record: {
        name: targets.dns.hostname,
        type: "CNAME",
        setIdentifier: DR_SET_IDENTIFIER,
        weight: 100,
        ttl: targets.dns.ttl,
        value: `${targets.colour}.${dr.traffic.hostname}`,
      },
    },
  ];
}

/** Gives the primary hostname back to the primary: its configured weights, and the `dr` record removed. */
export function failbackDnsChanges(
  primary: StackConfig,
  targets: FailoverTargets,
  drRecord: WeightedRecord | undefined,
): RecordChange[] {
  const colours = (Object.keys(primary.clusters) as Colour[]).filter((c) => primary.clusters[c].enabled);
  return [
    ...colours.map((c): RecordChange => ({
      action: "UPSERT",
      record: colourRecord(targets, c, primary.traffic.weights[c]),
    })),
    ...(drRecord ? [{ action: "DELETE" as const, record: drRecord }] : []),
  ];
}
