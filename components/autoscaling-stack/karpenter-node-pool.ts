import type * as pulumi from "@pulumi/pulumi";
import { architectureOf, type KarpenterSettings } from "./karpenter-settings";

/** Name of the EC2NodeClass and NodePool the stack creates. */
export const NODE_POOL_NAME = "default";

export interface NodeClassInputs {
  /** Value of the `karpenter.sh/discovery` tag the network puts on the private subnets. */
  readonly discovery: string;
  /** The EKS cluster security group: managed nodes use it, and the data stores admit it. */
  readonly clusterSecurityGroupId: pulumi.Input<string>;
  /** Instance profile of the node role (created by the stack, so Karpenter needs no IAM write access). */
  readonly instanceProfileName: pulumi.Input<string>;
  readonly tags: Record<string, string>;
}

/**
 * `karpenter.k8s.aws/v1` EC2NodeClass spec: private subnets found by the discovery tag, the cluster
 * security group by id (EKS creates it, so it carries no discovery tag), IMDSv2 only with a hop limit of 1
 * (pods cannot reach the node's credentials), no public IPs, an encrypted gp3 root volume.
 */
export function ec2NodeClassSpec(settings: KarpenterSettings, inputs: NodeClassInputs): Record<string, unknown> {
  return {
    amiSelectorTerms: [{ alias: settings.amiAlias }],
    instanceProfile: inputs.instanceProfileName,
    subnetSelectorTerms: [{ tags: { "karpenter.sh/discovery": inputs.discovery } }],
    securityGroupSelectorTerms: [{ id: inputs.clusterSecurityGroupId }],
    associatePublicIPAddress: false,
    metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
    blockDeviceMappings: [
      { deviceName: "/dev/xvda", rootVolume: true, ebs: { volumeSize: `${settings.diskSizeGiB}Gi`, volumeType: "gp3", encrypted: true, deleteOnTermination: true } },
    ],
    tags: { ...inputs.tags, "icna.io/node-group": "karpenter" },
  };
}

/**
 * `karpenter.sh/v1` NodePool spec: the configured families and capacity types on one architecture, no
 * tiny or bare-metal sizes, a vCPU ceiling, nodes replaced after 30 days, and consolidation that removes
 * at most 10% of the nodes at a time.
 */
export function nodePoolSpec(settings: KarpenterSettings): Record<string, unknown> {
  return {
    template: {
      metadata: { labels: { "icna.io/node-group": "karpenter" } },
      spec: {
        nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: NODE_POOL_NAME },
        requirements: [
          { key: "karpenter.k8s.aws/instance-family", operator: "In", values: [...settings.instanceFamilies] },
          { key: "karpenter.sh/capacity-type", operator: "In", values: [...settings.capacityTypes] },
          { key: "kubernetes.io/arch", operator: "In", values: [architectureOf(settings.instanceFamilies[0])] },
          { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
          { key: "karpenter.k8s.aws/instance-size", operator: "NotIn", values: ["nano", "micro", "small", "metal"] },
        ],
        expireAfter: "720h",
        terminationGracePeriod: "48h",
      },
    },
    limits: { cpu: String(settings.cpuLimit) },
    disruption: { consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "5m", budgets: [{ nodes: "10%" }] },
  };
}
