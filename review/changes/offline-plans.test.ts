import { PlanResource } from "../plan/model";
import { changesFromOfflinePlan } from "./from-offline-plan";
import { changesFromPlanDiff } from "./from-plan-diff";
import { parseChangeSet } from "./load-change-set";

const P = "urn:pulumi:prod::icna::";
function resource(name: string, type: string, inputs: PlanResource["inputs"], extra: Partial<PlanResource> = {}): PlanResource {
  const parentType = extra.parent ? extra.parent.split("::")[2] + "$" : "";
  return { urn: `${P}${parentType}${type}::${name}`, type, name, inputs, dependencies: [], protect: false, custom: true, remote: false, ...extra };
}

describe("offline plan", () => {
  it("turns every resource into a create, keeping markers", () => {
    const db = resource("orders-db", "aws:rds/instance:Instance", { password: "[secret]", endpoint: "[unknown]" }, { protect: true });
    const set = changesFromOfflinePlan({ resources: [db] });
    expect(set.changes[0]).toMatchObject({ op: "create", newInputs: { password: "[secret]", endpoint: "[unknown]" }, protect: { new: true } });
  });

  it("reads `icna review --json` output", () => {
    const text = JSON.stringify({ stack: "dev", resources: [resource("vpc", "aws:ec2/vpc:Vpc", { cidrBlock: "10.0.0.0/16" })] });
    expect(parseChangeSet(text, "plan.json")).toMatchObject({ source: "offline-plan", changes: [{ op: "create", name: "vpc" }] });
    expect(() => parseChangeSet(JSON.stringify({ stack: "dev", resources: [{ urn: "u", type: "t" }] }), "plan.json")).toThrow("plan.json: resources[0].name must be a non-empty string");
  });
});

describe("difference of two offline plans", () => {
  const sg = resource("db-sg", "aws:ec2/securityGroup:SecurityGroup", { ingress: [{ fromPort: 5432, cidrBlocks: ["10.0.0.0/16"] }] });
  const db = resource("orders-db", "aws:rds/instance:Instance", { identifier: "orders", instanceClass: "db.r6g.large" });

  it("classifies create, delete, update (with paths) and same", () => {
    const opened = { ...sg, inputs: { ingress: [{ fromPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] } };
    const cache = resource("cache", "aws:elasticache/replicationGroup:ReplicationGroup", {});
    const set = changesFromPlanDiff({ resources: [sg, db, cache] }, { resources: [opened, db, resource("new-bucket", "aws:s3/bucket:Bucket", {})] });
    const ops = Object.fromEntries(set.changes.map((c) => [c.name, c.op]));
    expect(ops).toEqual({ "db-sg": "update", "orders-db": "same", "new-bucket": "create", cache: "delete" });
    expect(set.changes[0].changedPaths).toEqual(["ingress[0].cidrBlocks[0]"]);
  });

  it("marks a change to a replacement trigger as a replace", () => {
    const renamed = { ...db, inputs: { ...db.inputs, identifier: "orders-v2" } };
    const change = changesFromPlanDiff({ resources: [db] }, { resources: [renamed] }).changes[0];
    expect(change).toMatchObject({ op: "replace", replaceReasons: ["identifier"] });
    const resized = { ...db, inputs: { ...db.inputs, instanceClass: "db.r6g.xlarge" } };
    expect(changesFromPlanDiff({ resources: [db] }, { resources: [resized] }).changes[0].op).toBe("update");
  });

  it("a move to another parent is a delete plus a create, unless aliased", () => {
    const moved = resource("orders-db", "aws:rds/instance:Instance", db.inputs, { parent: `${P}icna:components:DataTier::data` });
    const set = changesFromPlanDiff({ resources: [db] }, { resources: [moved] });
    expect(set.changes.map((c) => c.op).sort()).toEqual(["create", "delete"]);
    const aliased = { ...moved, aliases: [db.urn] } as PlanResource;
    const withAlias = changesFromPlanDiff({ resources: [db] }, { resources: [aliased] });
    expect(withAlias.changes.map((c) => c.op)).toEqual(["same"]);
  });

  it("records removed protect", () => {
    const change = changesFromPlanDiff({ resources: [{ ...db, protect: true }] }, { resources: [db] }).changes[0];
    expect(change.protect).toEqual({ old: true, new: false });
  });
});
