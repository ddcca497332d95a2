import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CloudWatchClient, GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import { DescribeDBInstancesCommand, PromoteReadReplicaCommand, RDSClient } from "@aws-sdk/client-rds";
import {
  ChangeResourceRecordSetsCommand,
  GetChangeCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
} from "@aws-sdk/client-route-53";
import { mockClient } from "aws-sdk-client-mock";
import { loadStackConfig } from "../../../stacks/config/load";
import { shippedSettings, withEdit } from "../../../testing/stack-settings";
import { CloudWatchReplicaLag } from "./aws/cloudwatch-replica-lag";
import { EksClusterApi } from "./aws/eks-clusters";
import { RdsDatabaseApi } from "./aws/rds-database";
import { Route53DnsApi } from "./aws/route53-dns";
import { DrStacks, failbackRunbook, failoverRunbook } from "./failover";
import { FileDeploymentFreeze, assertDeployAllowed } from "./file-freeze";
import type { FailoverPorts } from "./ports";
import { runDrOperation, loadDrStacks } from "./run-dr-operation";
import { RunbookAborted, RunbookStepFailed, runRunbook } from "./run-runbook";
import type { RunbookState } from "./runbook-model";
import { JsonFileStateStore, StateStore } from "./state-store";
import { StepTimeouts } from "./steps";
import * as aws from "./testing/aws-responses";
import { FakeClock, RecordingStackUpdater } from "./testing/fakes";

const rds = mockClient(RDSClient);
const cloudwatch = mockClient(CloudWatchClient);
const route53 = mockClient(Route53Client);
const eks = mockClient(EKSClient);

const T0 = Date.parse("2026-11-29T01:00:00Z");
const TIMEOUTS: StepTimeouts = { promotionMs: 45 * 60_000, dnsMs: 10 * 60_000, healthMs: 30 * 60_000, pollMs: 15_000 };
const UP_MS = 12 * 60_000;

let dir: string;
let clock: FakeClock;
let stacks: DrStacks;

function ports(updater: RecordingStackUpdater): FailoverPorts {
  return {
    freeze: new FileDeploymentFreeze(path.join(dir, "freeze")),
    database: new RdsDatabaseApi(),
    lag: new CloudWatchReplicaLag(),
    dns: new Route53DnsApi(new Route53Client({ region: "us-east-1" })),
    clusters: new EksClusterApi(),
    stacks: updater,
    clock,
  };
}

/** The healthy AWS side of a failover: a replica that promotes in two polls, a change that syncs in one, an ACTIVE cluster. */
function recordHealthyAws(): void {
  rds
    .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "icna-dr-postgres" })
    .resolvesOnce(aws.drReplica()) // measure-rpo
    .resolvesOnce(aws.drReplica()) // promote: still a replica, available → promote
    .resolvesOnce(aws.drReplica("modifying"))
    .resolvesOnce(aws.drStandalone("rebooting"))
    .resolves(aws.drStandalone());
  rds.on(PromoteReadReplicaCommand).resolves(aws.promoteAccepted());
  cloudwatch.on(GetMetricDataCommand).resolves(aws.replicaLag(4, new Date(T0 - 45_000)));
  route53.on(ChangeResourceRecordSetsCommand).resolves(aws.changeSubmitted("C2682N5HXP0BZ4", new Date(T0)));
  route53
    .on(GetChangeCommand)
    .resolvesOnce(aws.change("C2682N5HXP0BZ4", "PENDING", new Date(T0)))
    .resolves(aws.change("C2682N5HXP0BZ4", "INSYNC", new Date(T0)));
  eks
    .on(DescribeClusterCommand, { name: "icna-dr-blue" })
    .resolves(aws.eksCluster("icna-dr-blue", "us-west-2", "ACTIVE"));
}

beforeAll(() => {
  stacks = loadDrStacks("prod", "dr");
});

beforeEach(() => {
  rds.reset();
  cloudwatch.reset();
  route53.reset();
  eks.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-dr-"));
  clock = new FakeClock(T0);
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stateFile = () => path.join(dir, "prod-dr-failover.json");
const readState = () => JSON.parse(fs.readFileSync(stateFile(), "utf8")) as RunbookState;

describe("icna dr failover --dry-run", () => {
  it("prints the full ordered plan from config alone, calling nothing", async () => {
    const result = await runDrOperation({ operation: "failover", from: "prod", to: "dr", dryRun: true, workDir: dir });
    expect(result.kind).toBe("plan");
    const text = result.kind === "plan" ? result.text : "";
    const ids = [...text.matchAll(/^\d+\. \[([a-z-]+)\]/gm)].map((m) => m[1]);
    expect(ids).toEqual([
      "freeze-deployments",
      "measure-rpo",
      "promote-database",
      "update-dr-stack",
      "switch-dns",
      "verify-health",
      "write-report",
    ]);
    expect(text).toContain("PromoteReadReplica icna-dr-postgres BackupRetentionPeriod=14");
    expect(text).toContain("UPSERT app.example.com CNAME set=dr weight=100 ttl=60 → blue.app-dr.example.com");
    expect(text).toMatch(/promote-database.*IRREVERSIBLE/);
    for (const client of [rds, cloudwatch, route53, eks]) expect(client.calls()).toHaveLength(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("icna dr failover", () => {
  it("runs every step in order and reports the measured RTO and the RPO read before promotion", async () => {
    recordHealthyAws();
    const updater = new RecordingStackUpdater(clock, UP_MS);
    const store = new JsonFileStateStore(stateFile());
    const state = await runRunbook(failoverRunbook(stacks, ports(updater), { reportDir: dir, timeouts: TIMEOUTS }), {
      store,
      clock,
    });

    expect(state.status).toBe("completed");
    expect(Object.keys(state.steps)).toEqual([
      "freeze-deployments",
      "measure-rpo",
      "promote-database",
      "update-dr-stack",
      "switch-dns",
      "verify-health",
      "write-report",
    ]);
    const freeze = new FileDeploymentFreeze(path.join(dir, "freeze"));
    await expect(assertDeployAllowed(freeze, "prod")).rejects.toThrow(
      /deployments of prod are frozen .* failover of prod to dr/,
    );

    expect(rds.commandCalls(PromoteReadReplicaCommand).map((c) => c.args[0].input)).toEqual([
      { DBInstanceIdentifier: "icna-dr-postgres", BackupRetentionPeriod: 14 },
    ]);
    const lagQuery =
      cloudwatch.commandCalls(GetMetricDataCommand)[0].args[0].input.MetricDataQueries?.[0].MetricStat?.Metric;
    expect(lagQuery).toEqual({
      Namespace: "AWS/RDS",
      MetricName: "ReplicaLag",
      Dimensions: [{ Name: "DBInstanceIdentifier", Value: "icna-dr-postgres" }],
    });

    expect(updater.calls).toHaveLength(1);
    const [{ stack, edits }] = updater.calls;
    expect(stack).toBe("dr");
    const clusters = edits.find((e) => e.key === "icna:clusters")?.value as {
      blue: { enabled: boolean; nodeGroups: { workload: object } };
    };
    expect(clusters.blue.enabled).toBe(true);
    expect(clusters.blue.nodeGroups.workload).toMatchObject({
      minSize: 3,
      desiredSize: 6,
      maxSize: 30,
      instanceTypes: ["m6i.2xlarge", "m6a.2xlarge"],
    });
    expect((edits.find((e) => e.key === "icna:data")?.value as { postgres: object }).postgres).not.toHaveProperty(
      "replicateSourceDb",
    );

    const batch = route53.commandCalls(ChangeResourceRecordSetsCommand)[0].args[0].input;
    expect(batch.HostedZoneId).toBe("Z0123456789ABCDEFGHIJ");
    expect(
      batch.ChangeBatch?.Changes?.map((c) => [
        c.Action,
        c.ResourceRecordSet?.SetIdentifier,
        c.ResourceRecordSet?.Weight,
        c.ResourceRecordSet?.ResourceRecords?.[0].Value,
      ]),
    ).toEqual([
      ["UPSERT", "blue", 0, "blue.app.example.com"],
      ["UPSERT", "green", 0, "green.app.example.com"],
      ["UPSERT", "dr", 100, "blue.app-dr.example.com"],
    ]);

    const report = JSON.parse(fs.readFileSync(path.join(dir, "failover-report.json"), "utf8")) as {
      rtoSeconds: number;
      rpoSeconds: number;
      rpoSource: string;
    };
    // Promotion: 3 polls of 15 s; pulumi up: 12 min; DNS: 1 poll of 15 s; health at once.
    expect(report.rtoSeconds).toBe(45 + 12 * 60 + 15);
    expect(report.rpoSeconds).toBe(4);
    expect(report.rpoSource).toContain("ReplicaLag of icna-dr-postgres");
    expect(fs.readFileSync(path.join(dir, "failover-report.md"), "utf8")).toContain("RTO (measured): 780 s");
  });

  it("resumes after a crash between steps without repeating the promotion", async () => {
    recordHealthyAws();
    const crashing: StateStore = {
      location: stateFile(),
      load: () => new JsonFileStateStore(stateFile()).load(),
      async save(state) {
        if (state.steps["update-dr-stack"]?.status === "running") throw new Error("SIGKILL: the runner died");
        await new JsonFileStateStore(stateFile()).save(state);
      },
    };
    const first = new RecordingStackUpdater(clock, UP_MS);
    await expect(
      runRunbook(failoverRunbook(stacks, ports(first), { reportDir: dir, timeouts: TIMEOUTS }), {
        store: crashing,
        clock,
      }),
    ).rejects.toThrow("SIGKILL");
    expect(readState().steps["promote-database"].status).toBe("done");
    expect(readState().steps["update-dr-stack"]).toBeUndefined();
    expect(first.calls).toHaveLength(0);

    const second = new RecordingStackUpdater(clock, UP_MS);
    const state = await runRunbook(failoverRunbook(stacks, ports(second), { reportDir: dir, timeouts: TIMEOUTS }), {
      store: new JsonFileStateStore(stateFile()),
      clock,
    });
    expect(state.status).toBe("completed");
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(1);
    expect(second.calls).toHaveLength(1);
    expect(state.steps["promote-database"].attempts).toBe(1);
    expect(state.startedAt).toBe(new Date(T0).toISOString());
  });

  it("after a crash inside the promotion (request sent, not recorded) waits for it instead of promoting again", async () => {
    rds
      .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "icna-dr-postgres" })
      .resolvesOnce(aws.drReplica())
      .resolvesOnce(aws.drReplica())
      .resolvesOnce(aws.drReplica("modifying")) // the re-run finds the promotion under way
      .resolves(aws.drStandalone());
    rds.on(PromoteReadReplicaCommand).resolves(aws.promoteAccepted());
    cloudwatch.on(GetMetricDataCommand).resolves(aws.replicaLag(2, new Date(T0)));
    const crashing: StateStore = {
      location: stateFile(),
      load: () => new JsonFileStateStore(stateFile()).load(),
      async save(state) {
        if (state.steps["promote-database"]?.checkpoints.promotionRequestedAt)
          throw new Error("SIGKILL after PromoteReadReplica");
        await new JsonFileStateStore(stateFile()).save(state);
      },
    };
    const runbook = () =>
      failoverRunbook(stacks, ports(new RecordingStackUpdater(clock, UP_MS)), { reportDir: dir, timeouts: TIMEOUTS });
    await expect(runRunbook(runbook(), { store: crashing, clock })).rejects.toThrow("SIGKILL");
    expect(readState().steps["promote-database"].status).toBe("running");

    route53.on(ChangeResourceRecordSetsCommand).resolves(aws.changeSubmitted("C1", new Date(T0)));
    route53.on(GetChangeCommand).resolves(aws.change("C1", "INSYNC", new Date(T0)));
    eks.on(DescribeClusterCommand).resolves(aws.eksCluster("icna-dr-blue", "us-west-2", "ACTIVE"));
    const state = await runRunbook(runbook(), { store: new JsonFileStateStore(stateFile()), clock });
    expect(state.status).toBe("completed");
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(1);
    expect(state.steps["promote-database"].attempts).toBe(2);
  });

  it("reports a failed step, runs nothing after it, and resumes there once the cause is fixed", async () => {
    recordHealthyAws();
    const invalid = Object.assign(
      new Error(
        "RRSet with DNS name app.example.com., type CNAME, SetIdentifier dr cannot be created because a non multivalue answer rrset exists with the same name and type.",
      ),
      { name: "InvalidChangeBatch" },
    );
    route53
      .on(ChangeResourceRecordSetsCommand)
      .rejectsOnce(invalid)
      .resolves(aws.changeSubmitted("C2682N5HXP0BZ4", new Date(T0)));
    const updater = new RecordingStackUpdater(clock, UP_MS);
    const run = () =>
      runRunbook(failoverRunbook(stacks, ports(updater), { reportDir: dir, timeouts: TIMEOUTS }), {
        store: new JsonFileStateStore(stateFile()),
        clock,
      });

    const failure = await run().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunbookStepFailed);
    expect((failure as RunbookStepFailed).stepId).toBe("switch-dns");
    expect((failure as RunbookStepFailed).completed).toEqual([
      "freeze-deployments",
      "measure-rpo",
      "promote-database",
      "update-dr-stack",
    ]);
    expect((failure as Error).message).toMatch(
      /step "switch-dns" failed: RRSet .*re-run the same command to resume from "switch-dns"/,
    );
    const failed = readState();
    expect(failed.status).toBe("failed");
    expect(failed.steps["switch-dns"]).toMatchObject({
      status: "failed",
      error: expect.stringContaining("non multivalue"),
    });
    expect(failed.steps["verify-health"]).toBeUndefined();
    expect(eks.calls()).toHaveLength(0);
    expect(fs.existsSync(path.join(dir, "failover-report.json"))).toBe(false);

    const state = await run();
    expect(state.status).toBe("completed");
    expect(state.steps["switch-dns"].attempts).toBe(2);
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(1);
    expect(updater.calls).toHaveLength(1);
  });

  it("fails the health check when the DR cluster's OIDC issuer is not in the DR region", async () => {
    recordHealthyAws();
    eks
      .on(DescribeClusterCommand, { name: "icna-dr-blue" })
      .resolves(aws.eksCluster("icna-dr-blue", "us-east-1", "ACTIVE"));
    const failure = await runRunbook(
      failoverRunbook(stacks, ports(new RecordingStackUpdater(clock, UP_MS)), {
        reportDir: dir,
        timeouts: { ...TIMEOUTS, healthMs: 60_000 },
      }),
      {
        store: new JsonFileStateStore(stateFile()),
        clock,
      },
    ).catch((e: unknown) => e);
    expect((failure as RunbookStepFailed).stepId).toBe("verify-health");
    expect((failure as Error).message).toMatch(
      /OIDC issuer https:\/\/oidc\.eks\.us-east-1\.amazonaws\.com\/id\/\w+ is not in us-west-2/,
    );
  });

  it("asks before the irreversible promotion and stops, promoting nothing, when declined", async () => {
    recordHealthyAws();
    const questions: string[] = [];
    const failure = await runRunbook(
      failoverRunbook(stacks, ports(new RecordingStackUpdater(clock, UP_MS)), { reportDir: dir, timeouts: TIMEOUTS }),
      {
        store: new JsonFileStateStore(stateFile()),
        clock,
        confirm: (q) => {
          questions.push(q);
          return Promise.resolve(false);
        },
      },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunbookAborted);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain("PromoteReadReplica icna-dr-postgres");
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(0);
    expect(readState().status).toBe("aborted");
  });

  it("reports an unmeasured RPO honestly when CloudWatch has no recent ReplicaLag datapoint", async () => {
    recordHealthyAws();
    cloudwatch.on(GetMetricDataCommand).resolves(aws.noLagDatapoints());
    const state = await runRunbook(
      failoverRunbook(stacks, ports(new RecordingStackUpdater(clock, UP_MS)), { reportDir: dir, timeouts: TIMEOUTS }),
      { store: new JsonFileStateStore(stateFile()), clock },
    );
    const report = JSON.parse(fs.readFileSync(path.join(dir, "failover-report.json"), "utf8")) as {
      rpoSeconds: number | null;
      rpoSource: string;
    };
    expect(state.status).toBe("completed");
    expect(report.rpoSeconds).toBeNull();
    expect(report.rpoSource).toMatch(/^unmeasured: no ReplicaLag datapoint/);
  });

  it("refuses a DR stack whose database has no copy of the primary's data, naming the setting to add", () => {
    const settings = withEdit(
      shippedSettings("dr"),
      "icna:data",
      (d) => delete (d.postgres as Record<string, unknown>).replicateSourceDb,
    );
    const dr = loadStackConfig("dr", settings);
    expect(() =>
      failoverRunbook({ ...stacks, dr, drSettings: settings }, ports(new RecordingStackUpdater(clock, 0)), {
        reportDir: dir,
      }),
    ).toThrow(
      /icna:data\.postgres data source: empty\): set icna:data\.postgres\.replicateSourceDb to prod's instance ARN \(arn:aws:rds:us-east-1:111122223333:db:icna-prod-postgres\)/,
    );
  });
});

describe("icna dr failback", () => {
  it("promotes the primary's replica of DR, gives DNS back, returns DR to pilot light and lifts the freeze", async () => {
    recordHealthyAws();
    const failoverUpdater = new RecordingStackUpdater(clock, UP_MS);
    const failoverState = await runRunbook(
      failoverRunbook(stacks, ports(failoverUpdater), { reportDir: dir, timeouts: TIMEOUTS }),
      { store: new JsonFileStateStore(stateFile()), clock },
    );

    rds.reset();
    const primaryReplica = aws.describeDb("icna-prod-postgres", aws.PRIMARY_DB_ARN, "available", aws.DR_DB_ARN);
    route53.reset();
    eks.reset();
    rds
      .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "icna-prod-postgres" })
      .resolvesOnce(primaryReplica) // check-replication
      .resolvesOnce(primaryReplica) // measure-rpo
      .resolvesOnce(primaryReplica) // promote
      .resolves(aws.describeDb("icna-prod-postgres", aws.PRIMARY_DB_ARN, "available"));
    rds.on(PromoteReadReplicaCommand).resolves(aws.promoteAccepted());
    cloudwatch.on(GetMetricDataCommand).resolves(aws.replicaLag(1, new Date(T0)));
    eks
      .on(DescribeClusterCommand, { name: "icna-prod-blue" })
      .resolves(aws.eksCluster("icna-prod-blue", "us-east-1", "ACTIVE"));
    route53
      .on(ListResourceRecordSetsCommand)
      .resolves(aws.weightedRecords([{ setIdentifier: "dr", weight: 100, value: "blue.app-dr.example.com" }]));
    route53.on(ChangeResourceRecordSetsCommand).resolves(aws.changeSubmitted("C3", new Date(T0)));
    route53.on(GetChangeCommand).resolves(aws.change("C3", "INSYNC", new Date(T0)));

    const updater = new RecordingStackUpdater(clock, UP_MS);
    const state = await runRunbook(
      failbackRunbook(stacks, ports(updater), { reportDir: dir, timeouts: TIMEOUTS, failoverState }),
      { store: new JsonFileStateStore(path.join(dir, "failback.json")), clock },
    );
    expect(state.status).toBe("completed");
    expect(rds.commandCalls(PromoteReadReplicaCommand).map((c) => c.args[0].input.DBInstanceIdentifier)).toEqual([
      "icna-prod-postgres",
    ]);
    const changes = route53
      .commandCalls(ChangeResourceRecordSetsCommand)[0]
      .args[0].input.ChangeBatch?.Changes?.map((c) => [
        c.Action,
        c.ResourceRecordSet?.SetIdentifier,
        c.ResourceRecordSet?.Weight,
      ]);
    expect(changes).toEqual([
      ["UPSERT", "blue", 100],
      ["UPSERT", "green", 0],
      ["DELETE", "dr", 100],
    ]);
    expect(updater.calls[0].edits.map((e) => e.key)).toEqual(["icna:clusters", "icna:traffic"]);
    expect(
      (updater.calls[0].edits[0].value as { blue: { nodeGroups: { workload: object } } }).blue.nodeGroups.workload,
    ).toMatchObject({ minSize: 0, desiredSize: 0 });
    await expect(
      assertDeployAllowed(new FileDeploymentFreeze(path.join(dir, "freeze")), "prod"),
    ).resolves.toBeUndefined();
  });

  it("stops before promoting when the primary's database is not a replica of DR's", async () => {
    rds
      .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "icna-prod-postgres" })
      .rejects(
        Object.assign(new Error("DBInstance icna-prod-postgres not found."), { name: "DBInstanceNotFoundFault" }),
      );
    const failoverState = { steps: { "update-dr-stack": { output: { previous: [] } } } } as unknown as RunbookState;
    const failure = await runRunbook(
      failbackRunbook(stacks, ports(new RecordingStackUpdater(clock, 0)), {
        reportDir: dir,
        timeouts: TIMEOUTS,
        failoverState,
      }),
      {
        store: new JsonFileStateStore(path.join(dir, "failback.json")),
        clock,
      },
    ).catch((e: unknown) => e);
    expect((failure as RunbookStepFailed).stepId).toBe("check-replication");
    expect((failure as Error).message).toContain(
      "icna-prod-postgres does not exist in us-east-1: recreate icna-prod-postgres as a cross-region read replica of icna-dr-postgres",
    );
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(0);
  });

  it("refuses to promote a primary database that is standalone (it would serve stale data)", async () => {
    rds
      .on(DescribeDBInstancesCommand, { DBInstanceIdentifier: "icna-prod-postgres" })
      .resolves(aws.describeDb("icna-prod-postgres", aws.PRIMARY_DB_ARN, "available"));
    const failoverState = { steps: { "update-dr-stack": { output: { previous: [] } } } } as unknown as RunbookState;
    const failure = await runRunbook(
      failbackRunbook(stacks, ports(new RecordingStackUpdater(clock, 0)), {
        reportDir: dir,
        timeouts: TIMEOUTS,
        failoverState,
      }),
      {
        store: new JsonFileStateStore(path.join(dir, "failback.json")),
        clock,
      },
    ).catch((e: unknown) => e);
    expect((failure as RunbookStepFailed).stepId).toBe("check-replication");
    expect((failure as Error).message).toContain(
      "is a standalone instance, not a replica of icna-dr-postgres, so promoting it would serve stale data",
    );
    expect(rds.commandCalls(PromoteReadReplicaCommand)).toHaveLength(0);
    expect(route53.calls()).toHaveLength(0);
  });
});
