/**
 * `GET /api/v1/nodes` answers in the shape of the Kubernetes API reference (v1 NodeList), with the labels
 * and conditions EKS managed nodes carry. Only labels and the Ready condition are read by the drill; the
 * rest keeps the shape recognisable.
 */
import type { KubernetesResponse } from "../aws/eks-node-readiness";

export interface NodeGroupFixture {
  readonly nodeGroup: string;
  readonly ready: number;
  readonly notReady?: number;
}

function node(nodeGroup: string, index: number, ready: boolean) {
  const ip = `10.41.${32 + index}.${10 + index}`;
  return {
    metadata: {
      name: `ip-${ip.replace(/\./g, "-")}.us-west-2.compute.internal`,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "eks.amazonaws.com/capacityType": "ON_DEMAND",
        "eks.amazonaws.com/nodegroup": nodeGroup,
        "eks.amazonaws.com/nodegroup-image": "ami-0c1e2f3a4b5c6d7e8",
        "kubernetes.io/os": "linux",
        "topology.kubernetes.io/region": "us-west-2",
        "topology.kubernetes.io/zone": `us-west-2${"abc"[index % 3]}`,
      },
    },
    spec: { providerID: `aws:///us-west-2${"abc"[index % 3]}/i-0${(index + 1).toString(16).padStart(16, "a")}` },
    status: {
      conditions: [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory" },
        { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure" },
        { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID" },
        ready
          ? { type: "Ready", status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
          : {
              type: "Ready",
              status: "False",
              reason: "KubeletNotReady",
              message:
                "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized",
            },
      ],
      nodeInfo: { kubeletVersion: "v1.33.5-eks-113cf36", containerRuntimeVersion: "containerd://1.7.27" },
    },
  };
}

export function nodeList(groups: readonly NodeGroupFixture[], continueToken?: string): KubernetesResponse {
  let index = 0;
  const items = groups.flatMap((g) => [
    ...Array.from({ length: g.ready }, () => node(g.nodeGroup, index++, true)),
    ...Array.from({ length: g.notReady ?? 0 }, () => node(g.nodeGroup, index++, false)),
  ]);
  return {
    status: 200,
    body: JSON.stringify({
      kind: "NodeList",
      apiVersion: "v1",
      metadata: { resourceVersion: "184467", ...(continueToken ? { continue: continueToken } : {}) },
      items,
    }),
  };
}

export const unauthorized = (): KubernetesResponse => ({
  status: 401,
  body: JSON.stringify({
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: "Unauthorized",
    reason: "Unauthorized",
    code: 401,
  }),
});
