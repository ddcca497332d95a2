/** The cluster the workload runs on. */
export interface ClusterModel {
  /** Load one pod serves at 100% of its request (trace units per trace step). */
  readonly capacityPerPod: number;
  /** Minutes from scheduling to ready on a node that has room. */
  readonly podStartupMinutes: number;
  /** Minutes for a new node (Karpenter) before pods can start on it. */
  readonly nodeProvisioningMinutes: number;
  readonly podsPerNode: number;
  /** Scale-down goes to the highest count desired over this window (the HPA's stabilisation, default 5 min). */
  readonly scaleDownStabilisationMinutes: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

/** A pod and the minute it becomes ready. */
interface Pod {
  readyAt: number;
}

/**
 * Pods and nodes over time, one tick per minute: new pods start on free node slots after the pod
 * start-up delay, or on new nodes after node provisioning plus start-up; scale-down removes the
 * newest pods first, and only once the lower desired count has held for the stabilisation window.
 */
export class SimulatedCluster {
  private pods: Pod[] = [];
  private nodes = 0;
  private nodeReadyAt: number[] = [];
  private readonly recentDesired: Array<{ minute: number; desired: number }> = [];

  constructor(
    private readonly model: ClusterModel,
    initialPods: number,
    /** Minute the initial pods count as desired from (they are held through the stabilisation window). */
    startMinute = 0,
  ) {
    for (let i = 0; i < initialPods; i++) this.pods.push({ readyAt: -Infinity });
    this.recentDesired.push({ minute: startMinute, desired: initialPods });
    this.nodes = Math.ceil(initialPods / model.podsPerNode);
    this.nodeReadyAt = Array.from({ length: this.nodes }, () => -Infinity);
  }

  get scheduledPods(): number {
    return this.pods.length;
  }

  readyPods(minute: number): number {
    return this.pods.reduce((count, pod) => count + (pod.readyAt <= minute ? 1 : 0), 0);
  }

  /** Applies an autoscaler's desired replica count at `minute` (fractional for syncs within a minute). */
  scaleTo(desiredRaw: number, minute: number): void {
    const desired = Math.min(this.model.maxReplicas, Math.max(this.model.minReplicas, desiredRaw));
    this.recentDesired.push({ minute, desired });
    while (this.recentDesired.length > 0 && this.recentDesired[0].minute < minute - this.model.scaleDownStabilisationMinutes) this.recentDesired.shift();
    const stabilised = Math.max(...this.recentDesired.map((d) => d.desired));
    const target = desired > this.pods.length ? desired : Math.min(this.pods.length, stabilised);
    while (this.pods.length < target) this.addPod(minute);
    while (this.pods.length > target) this.pods.pop();
    const neededNodes = Math.ceil(this.pods.length / this.model.podsPerNode);
    if (neededNodes < this.nodes) {
      this.nodes = neededNodes;
      this.nodeReadyAt = this.nodeReadyAt.slice(0, neededNodes);
    }
  }

  private addPod(minute: number): void {
    const slot = this.pods.length;
    const node = Math.floor(slot / this.model.podsPerNode);
    if (node >= this.nodes) {
      this.nodeReadyAt.push(minute + this.model.nodeProvisioningMinutes);
      this.nodes++;
    }
    const nodeReady = Math.max(minute, this.nodeReadyAt[node]);
    this.pods.push({ readyAt: nodeReady + this.model.podStartupMinutes });
  }
}
