import { SimulatedCluster, type ClusterModel } from "./cluster-model";

const model: ClusterModel = { capacityPerPod: 10, podStartupMinutes: 2, nodeProvisioningMinutes: 3, podsPerNode: 4, scaleDownStabilisationMinutes: 5, minReplicas: 1, maxReplicas: 20 };

describe("SimulatedCluster", () => {
  it("readies pods on a node with room after the start-up delay, on a new node after provisioning too", () => {
    const cluster = new SimulatedCluster(model, 2);
    cluster.scaleTo(6, 10);
    expect(cluster.scheduledPods).toBe(6);
    expect(cluster.readyPods(11)).toBe(2);
    expect(cluster.readyPods(12)).toBe(4);
    expect(cluster.readyPods(14)).toBe(4);
    expect(cluster.readyPods(15)).toBe(6);
  });

  it("scales down only to the highest count desired over the stabilisation window", () => {
    const cluster = new SimulatedCluster(model, 8);
    cluster.scaleTo(3, 0);
    expect(cluster.scheduledPods).toBe(8);
    cluster.scaleTo(5, 3);
    expect(cluster.scheduledPods).toBe(8);
    cluster.scaleTo(3, 6);
    expect(cluster.scheduledPods).toBe(5);
    cluster.scaleTo(3, 9);
    expect(cluster.scheduledPods).toBe(3);
  });

  it("keeps the count within the floor and the ceiling", () => {
    const cluster = new SimulatedCluster(model, 2);
    cluster.scaleTo(50, 0);
    expect(cluster.scheduledPods).toBe(20);
    const small = new SimulatedCluster(model, 1);
    small.scaleTo(0, 0);
    expect(small.scheduledPods).toBe(1);
  });
});
