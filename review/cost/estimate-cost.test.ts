import * as path from "node:path";
import { loadChangeSet } from "../changes/load-change-set";
import { change } from "../testing/change-builder";
import { estimateCost } from "./estimate-cost";
import { PRICE_TABLE } from "./price-table";

const ON = { onDate: "2026-01-15" };

describe("cost of an offline plan (all creates)", () => {
  const cluster = change("blue", "eks:index:Cluster", { op: "create", custom: false, newInputs: { version: "1.33" } });
  const nodes = change("blue-workload", "eks:index:ManagedNodeGroup", { op: "create", custom: false, parent: cluster.urn, newInputs: { instanceTypes: ["m7g.xlarge"], scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 12 } } });
  const db = change("orders-db", "aws:rds/instance:Instance", { op: "create", newInputs: { engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 100, storageType: "gp3", multiAz: true } });
  const nat = change("nat-a", "aws:ec2/natGateway:NatGateway", { op: "create", newInputs: {} });
  const vpc = change("vpc", "aws:ec2/vpc:Vpc", { op: "create", newInputs: {} });
  const logs = change("flow-logs", "aws:cloudwatch/logGroup:LogGroup", { op: "create", newInputs: {} });

  it("prices the remote EKS components from their inputs and the data tier from the table", () => {
    const report = estimateCost([cluster, nodes, db, nat, vpc, logs], { region: "us-east-1", assumptions: ON });
    const monthly = Object.fromEntries(report.items.map((i) => [i.name, i.after]));
    expect(monthly).toEqual({ blue: 73, "blue-workload": 357.41, "orders-db": 351.5, "nat-a": 55.35 });
    expect(report.monthly).toEqual({ before: 0, after: 837.26, delta: 837.26 });
    expect(report.priceTable.recordedOn).toBe(PRICE_TABLE.recordedOn);
  });

  it("shows what it cannot price as unpriced, never as 0", () => {
    const spot = { ...nodes, newInputs: { ...nodes.newInputs, capacityType: "SPOT" } };
    const report = estimateCost([spot, logs, vpc], { region: "eu-west-1", assumptions: ON });
    expect(report.unpriced.map((u) => [u.name, u.reason])).toEqual([["blue-workload", "Spot capacity: its price moves hourly"], ["flow-logs", "usage-based (billed by volume or requests, which a preview cannot know)"]]);
    expect(report.items).toEqual([]);
    const unknownCount = { ...nodes, newInputs: { instanceTypes: ["m7g.xlarge"], scalingConfig: { desiredSize: "[unknown]" } } };
    expect(estimateCost([unknownCount], { region: "us-east-1", assumptions: ON }).unpriced[0].reason).toBe("scalingConfig.desiredSize is unknown until deploy");
  });

  it("charges extended support for a Kubernetes version past standard support", () => {
    const old = { ...cluster, newInputs: { version: "1.31" } };
    const item = estimateCost([old], { region: "us-east-1", assumptions: { onDate: "2026-01-15" } }).items[0];
    expect(item.after).toBe(438);
    expect(item.basis).toMatch(/extended support/);
  });

  it("uses regional prices and refuses regions it has no prices for", () => {
    expect(estimateCost([nat], { region: "eu-central-1", assumptions: ON }).items[0].after).toBe(round(0.052 * 730 + 0.052 * 500));
    const report = estimateCost([nat, db], { region: "ap-south-1", assumptions: ON });
    expect(report.items).toEqual([]);
    expect(report.unpriced).toHaveLength(2);
    expect(report.note).toMatch(/No prices for ap-south-1/);
  });

  it("does not count a remote component twice when its AWS children are in the preview", () => {
    const child = change("blue-eksCluster", "aws:eks/cluster:Cluster", { op: "create", parent: cluster.urn, newInputs: { version: "1.33" } });
    expect(estimateCost([cluster, child], { region: "us-east-1", assumptions: ON }).items.map((i) => i.name)).toEqual(["blue-eksCluster"]);
  });
});

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

it("prices the delta of a --json preview: a scaled node group costs more, a replaced database the same", () => {
  const set = loadChangeSet(path.join(__dirname, "..", "fixtures", "scenarios", "prod-risky.preview.json"));
  const report = estimateCost(set.changes, { region: "eu-west-1", assumptions: ON });
  const workload = report.items.find((i) => i.name === "blue-workload")!;
  const eu = PRICE_TABLE.regions["eu-west-1"];
  expect(workload.delta).toBe(round(3 * (eu.ec2Hourly["m7g.xlarge"] * 730 + 50 * eu.ebsGp3GbMonth)));
  expect(report.items.find((i) => i.name === "orders-db")!.delta).toBe(0);
  expect(report.monthly.delta).toBe(workload.delta);
});
