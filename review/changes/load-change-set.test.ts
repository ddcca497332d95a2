import * as fs from "node:fs";
import * as path from "node:path";
import { countByOp } from "./change";
import { loadChangeSet, parseChangeSet } from "./load-change-set";
import { PreviewInputError } from "./preview-input-error";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const fixture = (name: string) => path.join(FIXTURES, name);

describe("real engine output recorded by Pulumi", () => {
  it("reads a pretty-printed event log (events one after another)", () => {
    const set = loadChangeSet(fixture("real/pulumi-display-json-text-change.events.json"));
    expect(set.source).toBe("event-log");
    expect(set.changes).toHaveLength(1);
    expect(set.changes[0]).toMatchObject({ op: "update", type: "pulumi:pulumi:Stack", name: "pulumi-stack-output-diff-dev" });
    expect(set.engineSummary).toEqual({ update: 1 });
    expect(set.incomplete).toBe(false);
  });

  it("reads a JSONL event log recorded out of sequence order, one change per resource", () => {
    const set = loadChangeSet(fixture("real/pulumi-display-up-5.events.jsonl"));
    expect(set.changes.map((c) => c.name)).toEqual(["eks-dev", "eks-role", "eks-rpa-service-policy", "eks-rpa-cluster-policy", "eks-sg", "eks-cluster"]);
    expect(countByOp(set.changes)).toEqual({ same: 5, create: 1 });
    expect(set.engineSummary).toEqual({ create: 1, same: 5 });
    expect(set.region).toBe("us-west-2");
    const cluster = set.changes.find((c) => c.name === "eks-cluster")!;
    expect(cluster.oldInputs).toBeUndefined();
    expect(cluster.newInputs).toMatchObject({ vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } });
    expect(cluster.newInputs).not.toHaveProperty("__defaults");
    expect(cluster.provider).toMatch(/^urn:pulumi:dev::eks::pulumi:providers:aws::default_4_36_0::/);
    expect(cluster.custom).toBe(true);
  });

  it("reads the --json step quoted in pulumi/pulumi#23067 (detailedDiff kind add, empty newState)", () => {
    const set = loadChangeSet(fixture("real/pulumi-issue-23067.preview.json"));
    expect(set.source).toBe("preview-json");
    expect(set.changes[0]).toMatchObject({ op: "update", type: "aws:transfer/server:Server", changedPaths: ["forceDestroy"], replaceReasons: [] });
  });
});

describe("ICNA scenarios written to the engine's schema", () => {
  const set = loadChangeSet(fixture("scenarios/prod-risky.preview.json"));
  const byName = (name: string) => set.changes.find((c) => c.name === name)!;

  it("folds create-replacement, replace and delete-replaced into one replace", () => {
    const db = byName("orders-db");
    expect(db.op).toBe("replace");
    expect(db.steps).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(db.deleteBeforeReplace).toBe(false);
    expect(db.replaceReasons).toEqual(["kmsKeyId"]);
    expect(db.changedPaths).toEqual(["deletionProtection", "kmsKeyId", "skipFinalSnapshot"]);
    expect(countByOp(set.changes)).toEqual({ same: 2, replace: 4, update: 2 });
  });

  it("keeps the unknown sentinel and secrets as markers", () => {
    const db = byName("orders-db");
    expect(db.newInputs?.kmsKeyId).toBe("[unknown]");
    expect(db.newInputs?.password).toBe("[secret]");
    expect(db.dependencies).toHaveLength(1);
  });

  it("records protect before and after", () => {
    expect(byName("sessions").protect).toEqual({ old: true, new: false });
  });

  it("detects delete-before-replace from the engine's step order", () => {
    const text = fs.readFileSync(fixture("scenarios/prod-risky.preview.json"), "utf8");
    const digest = JSON.parse(text) as { steps: { op: string; urn: string }[] };
    const db = digest.steps.filter((s) => s.urn.endsWith("::orders-db"));
    const reordered = { steps: [db[2], db[1], { ...db[0] }] };
    expect(parseChangeSet(JSON.stringify(reordered), "dbr.json").changes[0].deleteBeforeReplace).toBe(true);
  });

  it("reads the same preview as an event log and as an Automation API array, keeping policy events", () => {
    const log = loadChangeSet(fixture("scenarios/prod-policy.events.jsonl"));
    const array = loadChangeSet(fixture("scenarios/prod-policy.automation-events.json"));
    expect(log.source).toBe("event-log");
    expect(array.source).toBe("automation-events");
    expect(array.changes).toEqual(log.changes);
    expect(log.policyEvents.map((p) => [p.policyName, p.enforcementLevel])).toEqual([["no-public-ingress", "mandatory"], ["stateful-protect", "advisory"]]);
    expect(log.diagnostics[0]).toMatchObject({ severity: "warning" });
    expect(log.changes.find((c) => c.name === "orders-db-sg")!.changedPaths).toEqual(["ingress[1]"]);
  });
});

describe("malformed input", () => {
  it("names line and column of a broken event", () => {
    const text = '{"sequence":1,"preludeEvent":{"config":{}}}\n{"sequence":2,"resourcePreEvent":{"metadata":{"op":"create",}}}\n';
    expect(() => parseChangeSet(text, "log.jsonl")).toThrow(/^log\.jsonl:2:\d+: malformed JSON/);
  });

  it("names a truncated value", () => {
    expect(() => parseChangeSet('{"steps": [{"op": "create"', "cut.json")).toThrow(/cut\.json:1:1: a JSON value starts here but never ends/);
  });

  it("names the line of an event missing its metadata, deep in a pretty-printed log", () => {
    const event = (sequence: number) => JSON.stringify({ sequence, resourcePreEvent: { metadata: { op: "same", urn: `urn:pulumi:s::p::aws:s3/bucket:Bucket::b${sequence}` } } }, null, 2);
    const before = [event(1), event(2)].join("\n");
    const text = `${before}\n${JSON.stringify({ sequence: 3, resourcePreEvent: {} }, null, 2)}`;
    const line = before.split("\n").length + 1;
    expect(() => parseChangeSet(text, "log.json")).toThrow(`log.json: line ${line}.resourcePreEvent.metadata is missing`);
  });

  it("names the step missing its urn", () => {
    expect(() => parseChangeSet('{"steps":[{"op":"create","urn":"urn:pulumi:a::b::t::n"},{"op":"delete"}]}', "p.json")).toThrow("p.json: steps[1].urn is missing");
  });

  it("rejects a value that is not an event among several", () => {
    expect(() => parseChangeSet('{"sequence":1,"cancelEvent":{}}\n{"hello":"world"}\n', "mixed.log")).toThrow(/^mixed\.log:2:1: this value is not a Pulumi engine event/);
  });

  it("rejects unknown documents and empty files with the accepted formats", () => {
    expect(() => parseChangeSet('{"foo":1}', "x.json")).toThrow(/top-level keys: foo/);
    expect(() => parseChangeSet("  \n", "empty.json")).toThrow(PreviewInputError);
    expect(() => loadChangeSet("/nonexistent/preview.json")).toThrow("cannot read /nonexistent/preview.json: ENOENT");
  });

  it("reviews an op newer than this code as an update and says so", () => {
    const set = parseChangeSet('{"steps":[{"op":"transmogrify","urn":"urn:pulumi:s::p::aws:s3/bucket:Bucket::b"}]}', "new.json");
    expect(set.changes[0].op).toBe("update");
    expect(set.diagnostics[0].message).toMatch(/unknown step op "transmogrify"/);
  });
});
