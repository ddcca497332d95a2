import { brokerLayoutProblems, brokerZoneCount, smallestValidBrokerCount } from "./broker-layout";

const layout = (brokerCount: number, zoneCount: number, defaultReplicationFactor = 3, minInSyncReplicas = 2) => brokerLayoutProblems({ brokerCount, zoneCount, defaultReplicationFactor, minInSyncReplicas });

describe("MSK broker layout", () => {
  it("uses at most three zones of the network", () => {
    expect([2, 3, 4, 6].map(brokerZoneCount)).toEqual([2, 3, 3, 3]);
  });

  it.each([
    [3, 3],
    [6, 3],
    [4, 2],
    [30, 3],
  ])("accepts %i brokers over %i zones", (brokers, zones) => {
    expect(layout(brokers, zones)).toEqual([]);
  });

  it("rejects a count that does not spread evenly and names the nearest valid one", () => {
    expect(layout(4, 3)).toEqual(["4 brokers cannot be spread evenly over 3 availability zones: use a multiple of 3 (6)"]);
    expect(layout(3, 2)).toEqual(["3 brokers cannot be spread evenly over 2 availability zones: use a multiple of 2 (4)"]);
  });

  it("rejects fewer brokers than replicas of each partition", () => {
    expect(layout(2, 2)).toEqual(["2 brokers cannot hold 3 replicas of each partition: use at least 3 brokers"]);
  });

  it("rejects an in-sync minimum that stops writes during a rolling restart", () => {
    expect(layout(3, 3, 3, 3)).toEqual(["min.insync.replicas 3 must be below the replication factor 3, or one broker restart stops all writes"]);
    expect(layout(3, 3, 3, 0)).toEqual(["min.insync.replicas must be at least 1, got 0"]);
  });

  it("rejects a single zone", () => {
    expect(layout(3, 1)).toContain("MSK needs client subnets in 2 or 3 availability zones, got 1");
  });

  it("finds the smallest valid count for any zone count and replication factor", () => {
    for (const zones of [2, 3]) {
      for (let rf = 1; rf <= 7; rf++) {
        const n = smallestValidBrokerCount(zones, rf);
        expect(layout(n, zones, rf, 1).filter((p) => !p.includes("min.insync"))).toEqual([]);
        if (n - zones >= rf) throw new Error(`${n} is not the smallest for ${zones} zones and rf ${rf}`);
      }
    }
  });
});
