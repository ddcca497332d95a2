import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DescribeClusterCommand, EKSClient } from "@aws-sdk/client-eks";
import { mockClient } from "aws-sdk-client-mock";
import { planFromSettings } from "../../../review/plan/stack-plan";
import type { OfflinePlan } from "../../../review/plan/model";
import { shippedSettings, shippedStacksProject } from "../../../testing/stack-settings";
import { EksClusterApi } from "../failover/aws/eks-clusters";
import { FileDeploymentFreeze } from "../failover/file-freeze";
import type { ConfigEdit, ResourceOperation } from "../failover/ports";
import { RunbookStepFailed, runRunbook } from "../failover/run-runbook";
import type { RunbookState } from "../failover/runbook-model";
import { JsonFileStateStore, StateStore } from "../failover/state-store";
import type { StepTimeouts } from "../failover/steps";
import * as aws from "../failover/testing/aws-responses";
import { FakeClock, RecordingStackUpdater } from "../failover/testing/fakes";
import { EksNodeReadiness, KubernetesResponse } from "./aws/eks-node-readiness";
import { drillChange, drillRunbook, DrillStacks } from "./drill";
import type { DrillReport } from "./drill-report";
import type { DrillPorts } from "./ports";
import { loadDrillStacks, runDrill } from "./run-drill";
import { nodeList } from "./testing/kubernetes-responses";

const eks = mockClient(EKSClient);
const T0 = Date.parse("2027-03-02T09:00:00Z");
const TIMEOUTS: StepTimeouts = { promotionMs: 0, dnsMs: 0, healthMs: 5 * 60_000, pollMs: 15_000 };
const UP_MS = 9 * 60_000;
/** The shipped stacks alone: a user's own Pulumi.<name>.yaml naming the same DR region must not change which primary the drill finds. */
const PROJECT = shippedStacksProject();
afterAll(() => fs.rmSync(PROJECT, { recursive: true, force: true }));
const CREDENTIALS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

/** Real offline plans of the DR stack, each settings variant planned once for the whole file. */
const plans = new Map<string, Promise<OfflinePlan>>();
let planned = 0;
const planner: DrillPorts["planner"] = (stack, values, secretKeys) => {
  const key = JSON.stringify([stack, values]);
  if (!plans.has(key)) {
    planned += 1;
    plans.set(
      key,
      planFromSettings(stack, values, secretKeys).then((p) => p.plan),
    );
  }
  return plans.get(key) as Promise<OfflinePlan>;
};

let dir: string;
let clock: FakeClock;
let stacks: DrillStacks;
let kubernetes: KubernetesResponse[];

/** The engine's operations for an update of the node groups only (what `pulumi up` of the drill reports). */
const nodeGroupOperations = (): ResourceOperation[] =>
  ["system", "workload"].map((group) => ({
    urn: `urn:pulumi:dr::icna::icna:components:BlueGreenClusters$icna:components:EksCluster$eks:index:ManagedNodeGroup$aws:eks/nodeGroup:NodeGroup::icna-dr-blue-${group}`,
    type: "aws:eks/nodeGroup:NodeGroup",
    op: "update",
  }));

function ports(updater: RecordingStackUpdater): DrillPorts {
  return {
    clusters: new EksClusterApi(),
    nodes: new EksNodeReadiness(
      (url) => {
        expect(url).toMatch(/^https:\/\/A1B2C3D4E5F6\.gr7\.us-west-2\.eks\.amazonaws\.com\/api\/v1\/nodes\?/);
        const next = kubernetes.length > 1 ? kubernetes.shift() : kubernetes[0];
        return Promise.resolve(next as KubernetesResponse);
      },
      (region) => new EKSClient({ region, credentials: CREDENTIALS }),
      () => clock.now(),
    ),
    stacks: updater,
    freeze: new FileDeploymentFreeze(path.join(dir, "freeze")),
    planner,
    clock,
  };
}

/** Nodes joining: the workload group has 2 of 6 Ready at the first poll, all at the second. */
function nodesJoining(): void {
  kubernetes = [
    nodeList([
      { nodeGroup: "icna-dr-blue-system-20270302090012345600000001", ready: 3 },
      { nodeGroup: "icna-dr-blue-workload-20270302090012345600000002", ready: 2, notReady: 4 },
    ]),
    nodeList([
      { nodeGroup: "icna-dr-blue-system-20270302090012345600000001", ready: 3 },
      { nodeGroup: "icna-dr-blue-workload-20270302090012345600000002", ready: 6 },
    ]),
  ];
}

beforeAll(() => {
  stacks = loadDrillStacks("prod", "dr", PROJECT);
});

beforeEach(() => {
  eks.reset();
  eks
    .on(DescribeClusterCommand, { name: "icna-dr-blue" })
    .resolves(aws.eksCluster("icna-dr-blue", "us-west-2", "ACTIVE"));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-drill-"));
  clock = new FakeClock(T0);
  nodesJoining();
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const stateFile = () => path.join(dir, "dr-drill.json");
const readState = () => JSON.parse(fs.readFileSync(stateFile(), "utf8")) as RunbookState;
const readReport = () => JSON.parse(fs.readFileSync(path.join(dir, "drill-report.json"), "utf8")) as DrillReport;
const original = () => JSON.parse(shippedSettings("dr")["icna:clusters"]) as Record<string, unknown>;
const nodeGroupSizes = (edits: readonly ConfigEdit[]) => {
  expect(edits.map((e) => e.key)).toEqual(["icna:clusters"]);
  const blue = (edits[0].value as { blue: { enabled?: boolean; nodeGroups: Record<string, Record<string, number>> } })
    .blue;
  return {
    enabled: blue.enabled,
    ...Object.fromEntries(
      Object.entries(blue.nodeGroups).map(([g, s]) => [g, [s.minSize, s.desiredSize, s.maxSize].join("/")]),
    ),
  };
};

describe("icna dr drill --dry-run", () => {
  it("prints the ordered plan with the exact config change and node counts, calling nothing", async () => {
    const result = await runDrill({ to: "dr", dryRun: true, workDir: dir, projectDir: PROJECT });
    const text = result.kind === "plan" ? result.text : "";
    expect(text).toMatch(/^drill prod → dr: 5 steps \(dry run: nothing is called\)/);
    expect([...text.matchAll(/^\d+\. \[([a-z-]+)\]/gm)].map((m) => m[1])).toEqual([
      "preflight",
      "scale-up-clusters",
      "verify-clusters",
      "teardown-clusters",
      "write-report",
    ]);
    expect(text).toContain('"system":{"instanceTypes":["m6i.large"],"minSize":3,"maxSize":6,"desiredSize":3}');
    expect(text).toContain("Ready nodes icna-dr-blue-system* ≥ 3, icna-dr-blue-workload* ≥ 6");
    expect(text).toMatch(/teardown-clusters.*always runs/);
    expect(text).not.toMatch(/icna:traffic|icna:data|Route 53 weight/);
    expect(eks.calls()).toHaveLength(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe("icna dr drill", () => {
  it("recreates the live colour at production size, verifies, tears down and reports the measured times", async () => {
    const updater = new RecordingStackUpdater(clock, UP_MS, [], nodeGroupOperations);
    const result = await runDrill({
      to: "dr",
      ports: ports(updater),
      timeouts: TIMEOUTS,
      workDir: dir,
      projectDir: PROJECT,
    });
    const state = result.kind === "state" ? result.state : readState();
    expect(state.status).toBe("completed");
    expect(state.from).toBe("prod");

    expect(updater.calls.map((c) => c.stack)).toEqual(["dr", "dr"]);
    expect(nodeGroupSizes(updater.calls[0].edits)).toEqual({ enabled: true, system: "3/3/6", workload: "3/6/30" });
    expect(updater.calls[1].edits).toEqual([{ key: "icna:clusters", value: original() }]);

    const differences = state.steps["preflight"].output?.differences as { urn: string; inputs: string[] }[];
    expect(differences.map((d) => [d.urn.split("::").pop(), d.inputs])).toEqual([
      ["icna-dr-blue-workload", ["scalingConfig"]],
      ["icna-dr-blue-system", ["scalingConfig"]],
    ]);

    const report = readReport();
    expect(report).toMatchObject({
      stack: "dr",
      primary: "prod",
      cluster: "icna-dr-blue",
      outcome: "passed",
      failure: null,
      recreateSeconds: 540,
      verifySeconds: 15, // one poll with 2/6 workload nodes Ready, then all Ready
      teardownSeconds: 540,
      recreateToHealthySeconds: 555,
      readyNodes: { "icna-dr-blue-system": 3, "icna-dr-blue-workload": 6 },
      tornDown: true,
      dataTierUntouched: true,
    });
    expect(report.dataTierEvidence).toEqual([
      "offline plan before/after: 2 resources differ, all cluster-side",
      "scale-up-clusters: the engine reported 2 operations, all cluster-side",
      "teardown-clusters: the engine reported 2 operations, all cluster-side",
    ]);
    const markdown = fs.readFileSync(path.join(dir, "drill-report.md"), "utf8");
    expect(markdown).toContain("# DR drill of dr (icna-dr-blue): PASSED");
    expect(markdown).toContain("**Recreate (pulumi up to production size): 540 s**");
    expect(markdown).toContain("**Data tier untouched: yes**");
  });

  it("resumes after a crash inside the scale-up without re-planning, and restores the config recorded before the drill", async () => {
    // The runner dies right after `pulumi up` finished, before the step was recorded as done.
    const crashing: StateStore = {
      location: stateFile(),
      load: () => new JsonFileStateStore(stateFile()).load(),
      async save(state) {
        if (state.steps["scale-up-clusters"]?.status === "done") throw new Error("SIGKILL: the runner died");
        await new JsonFileStateStore(stateFile()).save(state);
      },
    };
    const first = new RecordingStackUpdater(clock, UP_MS);
    await expect(
      runRunbook(drillRunbook(stacks, ports(first), { workDir: dir, timeouts: TIMEOUTS }), { store: crashing, clock }),
    ).rejects.toThrow("SIGKILL");
    expect(first.calls).toHaveLength(1);
    expect(readState().steps["scale-up-clusters"].status).toBe("running");
    const plansBeforeResume = planned;

    // The Automation API has rewritten Pulumi.dr.yaml with the drill's sizes: the resumed drill reads that file.
    const rewritten = loadDrillStacks("prod", "dr", PROJECT);
    const scaled = {
      ...rewritten,
      drSettings: { ...rewritten.drSettings, values: { ...rewritten.drSettings.values } },
    };
    scaled.drSettings.values["icna:clusters"] = JSON.stringify(drillChange(stacks).edits[0].value);
    const second = new RecordingStackUpdater(clock, UP_MS);
    const state = await runRunbook(drillRunbook(scaled, ports(second), { workDir: dir, timeouts: TIMEOUTS }), {
      store: new JsonFileStateStore(stateFile()),
      clock,
    });
    expect(state.status).toBe("completed");
    expect(planned).toBe(plansBeforeResume);
    expect(state.steps["preflight"].attempts).toBe(1);
    expect(state.steps["scale-up-clusters"].attempts).toBe(2);
    expect(nodeGroupSizes(second.calls[0].edits)).toEqual(nodeGroupSizes(first.calls[0].edits));
    expect(second.calls[1].edits).toEqual([{ key: "icna:clusters", value: original() }]);
    // Recreate time runs from the first attempt's start: both `pulumi up`s count.
    expect(readReport().recreateSeconds).toBe(2 * 540);
    expect(readReport().outcome).toBe("passed");
  });

  it("still tears down and reports a failure when the nodes never become Ready", async () => {
    kubernetes = [
      nodeList([
        { nodeGroup: "icna-dr-blue-system-20270302090012345600000001", ready: 3 },
        { nodeGroup: "icna-dr-blue-workload-20270302090012345600000002", ready: 1, notReady: 5 },
      ]),
    ];
    const updater = new RecordingStackUpdater(clock, UP_MS, [], nodeGroupOperations);
    const run = () =>
      runDrill({
        to: "dr",
        ports: ports(updater),
        timeouts: TIMEOUTS,
        workDir: dir,
        projectDir: PROJECT,
        stateFile: stateFile(),
      });
    const failure = await run().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RunbookStepFailed);
    expect((failure as RunbookStepFailed).stepId).toBe("verify-clusters");
    expect((failure as Error).message).toMatch(
      /icna-dr-blue-workload: 1\/6 nodes Ready.*done: teardown-clusters, write-report\)\. This run has ended/,
    );
    expect(updater.calls).toHaveLength(2);
    expect(updater.calls[1].edits).toEqual([{ key: "icna:clusters", value: original() }]);
    const report = readReport();
    expect(report).toMatchObject({
      outcome: "failed",
      failure: { step: "verify-clusters" },
      recreateSeconds: 540,
      verifySeconds: null,
      teardownSeconds: 540,
      tornDown: true,
      dataTierUntouched: true,
    });
    expect(fs.readFileSync(path.join(dir, "drill-report.md"), "utf8")).toContain("**Failed step:** verify-clusters");

    // The next drill starts afresh; the ended one is kept beside it.
    nodesJoining();
    const again = await run();
    expect(again.kind === "state" && again.state.status).toBe("completed");
    expect(again.kind === "state" && again.archived).toMatch(/dr-drill\.2027-03-02T09-00-00-000Z\.json$/);
  });

  it("reports an unfinished teardown and retries it, and only it, on the next run", async () => {
    // No workload node ever joins, so the verify fails; the first teardown fails too (the provider times out).
    kubernetes = [nodeList([{ nodeGroup: "icna-dr-blue-system-1", ready: 3 }])];
    const updater = new RecordingStackUpdater(clock, UP_MS);
    const retried = new RecordingStackUpdater(clock, UP_MS);
    let calls = 0;
    const flaky: DrillPorts["stacks"] = {
      update: (stack, edits) => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error("error: update failed: the AWS provider timed out"));
        return (calls === 1 ? updater : retried).update(stack, edits);
      },
    };
    const run = () =>
      runRunbook(drillRunbook(stacks, { ...ports(updater), stacks: flaky }, { workDir: dir, timeouts: TIMEOUTS }), {
        store: new JsonFileStateStore(stateFile()),
        clock,
      });
    await expect(run()).rejects.toThrow(/Not done: teardown-clusters/);
    expect(readReport()).toMatchObject({ outcome: "failed", tornDown: false });
    expect(fs.readFileSync(path.join(dir, "drill-report.md"), "utf8")).toContain(
      "**NO: the clusters are still at production size",
    );

    await expect(run()).rejects.toThrow(/This run has ended/);
    expect(retried.calls.map((c) => c.edits)).toEqual([[{ key: "icna:clusters", value: original() }]]);
    expect(readState().steps["verify-clusters"].attempts).toBe(1);
    expect(readReport()).toMatchObject({ outcome: "failed", failure: { step: "verify-clusters" }, tornDown: true });
  });

  it("refuses, changing nothing, when the drill's change would touch the data tier", async () => {
    const base = drillChange(stacks);
    const data = JSON.parse(stacks.drSettings.values["icna:data"]) as { postgres: Record<string, unknown> };
    data.postgres.instanceClass = "db.r7g.xlarge";
    const change = { ...base, edits: [...base.edits, { key: "icna:data", value: data }] };
    const updater = new RecordingStackUpdater(clock, UP_MS);
    await expect(
      runRunbook(drillRunbook(stacks, ports(updater), { workDir: dir, timeouts: TIMEOUTS }, change), {
        store: new JsonFileStateStore(stateFile()),
        clock,
      }),
    ).rejects.toThrow(
      /refused: the drill's config change would touch dr's data tier: update urn:pulumi:dr::icna::icna:components:PostgresDatabase\$aws:rds\/instance:Instance::icna-dr-postgres-instance \(instanceClass\)\. A drill may only change EKS clusters/,
    );
    expect(updater.calls).toHaveLength(0);
    expect(eks.calls()).toHaveLength(0);
    expect(readState().steps["teardown-clusters"].output).toEqual({ skipped: true });
    expect(readReport()).toMatchObject({
      outcome: "refused",
      tornDown: true,
      dataTierUntouched: true,
      recreateSeconds: null,
    });
  });

  it("refuses while a failover owns the DR stack, before planning anything", async () => {
    fs.writeFileSync(
      path.join(dir, "prod-dr-failover.json"),
      JSON.stringify({
        version: 1,
        operation: "failover",
        from: "prod",
        to: "dr",
        startedAt: "2027-03-01T00:00:00Z",
        finishedAt: "2027-03-01T00:31:00Z",
        status: "completed",
        steps: {},
        log: [],
      }),
    );
    const updater = new RecordingStackUpdater(clock, UP_MS);
    const before = planned;
    await expect(
      runDrill({ to: "dr", ports: ports(updater), timeouts: TIMEOUTS, workDir: dir, projectDir: PROJECT }),
    ).rejects.toThrow(
      /refused: dr is serving production: the failover of prod completed at 2027-03-01T00:31:00Z and no failback has completed since/,
    );
    expect(planned).toBe(before);
    expect(updater.calls).toHaveLength(0);
  });
});
