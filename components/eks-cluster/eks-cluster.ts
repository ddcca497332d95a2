import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { AwsAccount, accountRootArn, partitionOf } from "../shared/aws-account";
import { addonVersionsFor } from "./addon-versions";
import type { ClusterHandle } from "./cluster-handle";
import { isProductionEnvironment } from "../../stacks/config/environment";
import type { Environment } from "../../stacks/config/schema";
import { createEncryptedLogGroup } from "../shared/encrypted-log-group";
import { CONTROL_PLANE_LOG_TYPES, controlPlaneLogGroupName } from "./control-plane-logs";
import { EC2_TRUST_POLICY, irsaTrustPolicy } from "./iam-documents";

/** One managed node group's shape. */
export interface NodeGroupArgs {
  /** EC2 instance types, first preferred. */
  readonly instanceTypes: string[];
  /** ON_DEMAND or SPOT. */
  readonly capacityType: "ON_DEMAND" | "SPOT";
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredSize: number;
  /** Encrypted gp3 root volume size in GiB. */
  readonly diskSizeGiB: number;
  /** Extra Kubernetes node labels. */
  readonly labels: Record<string, string>;
}

/** Arguments of one EKS cluster of the platform. */
export interface EksClusterArgs {
  /** Physical cluster name, e.g. icna-prod-blue. */
  readonly clusterName: string;
  /** EKS Kubernetes version, e.g. "1.35" (one with pinned add-ons in addon-versions.ts). */
  readonly kubernetesVersion: string;
  readonly vpcId: pulumi.Input<string>;
  /** Private subnets (≥ 2 AZs) for the control-plane ENIs and the nodes. */
  readonly privateSubnetIds: pulumi.Input<string>[];
  /** Public API endpoint: off unless enabled, and then only for the listed CIDRs. @default off */
  readonly publicEndpoint?: { readonly enabled: boolean; readonly cidrs: readonly string[] };
  /** IAM roles granted cluster-admin through EKS access entries. @default none */
  readonly adminRoleArns?: readonly string[];
  /** The on-demand system group (cluster-critical add-ons, tainted CriticalAddonsOnly) and the workload group. */
  readonly nodeGroups: { readonly system: NodeGroupArgs; readonly workload: NodeGroupArgs };
  /** Add-on version overrides of the pinned table. @default {} */
  readonly addonVersions?: Readonly<Record<string, string>>;
  /**
   * The stack kind: it sets the control-plane log retention (LOG_RETENTION_DAYS); prod and dr get the production
   * safeguards (EKS deletion protection, extended support instead of forced upgrades, a protected log key).
   */
  readonly environment: Environment;
  readonly account: AwsAccount;
  /** Tags on every resource. */
  readonly tags: Record<string, string>;
}

/**
 * A private, audited EKS cluster: API authentication with access entries, OIDC for IRSA, all control-plane
 * logs into a KMS-encrypted group with retention by stack kind (created before the cluster, so EKS never
 * creates its own unencrypted, never-expiring one), KMS envelope encryption of secrets, IMDSv2-only managed node groups, pinned core add-ons, and one
 * Kubernetes provider for everything deployed into it.
 */
export class EksCluster extends pulumi.ComponentResource implements ClusterHandle {
  readonly clusterName: pulumi.Output<string>;
  /** Where EKS writes the control-plane logs (`/aws/eks/<cluster>/cluster`). */
  readonly controlPlaneLogGroupName: string;
  /** The EKS-managed cluster security group: managed nodes and pods use it, so data stores admit it. */
  readonly clusterSecurityGroupId: pulumi.Output<string>;
  readonly oidcProviderArn: pulumi.Output<string>;
  readonly oidcProviderUrl: pulumi.Output<string>;
  readonly nodeRoleArn: pulumi.Output<string>;
  readonly nodeRoleName: pulumi.Output<string>;
  readonly kubeconfig: pulumi.Output<string>;
  /** The only Kubernetes provider for this cluster: every in-cluster resource must use it. */
  readonly provider: k8s.Provider;

  constructor(name: string, args: EksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("icna:components:EksCluster", name, {}, opts);
    const child = { parent: this };
    const tags = { ...args.tags, "icna.io/cluster": args.clusterName };
    const addons = addonVersionsFor(args.kubernetesVersion, args.addonVersions ?? {});
    const partition = partitionOf(args.account.region);
    const policyArn = (policy: string) => `arn:${partition}:iam::aws:policy/${policy}`;

    const secretsKey = new aws.kms.Key(`${name}-secrets`, {
      description: `Envelope encryption of Kubernetes secrets in ${args.clusterName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "AccountAdministers", Effect: "Allow", Principal: { AWS: accountRootArn(args.account) }, Action: "kms:*", Resource: "*" }],
      }),
      tags,
    }, child);

    this.controlPlaneLogGroupName = controlPlaneLogGroupName(args.clusterName);
    const { group: controlPlaneLogs } = createEncryptedLogGroup({ key: `${name}-control-plane-logs`, group: `${name}-control-plane` }, {
      groupName: this.controlPlaneLogGroupName,
      keyScope: this.controlPlaneLogGroupName,
      keyPolicySid: "CloudWatchLogsUsesForThisControlPlaneOnly",
      keyDescription: `Control-plane logs of ${args.clusterName}`,
      account: args.account,
      environment: args.environment,
      tags,
    }, child);

    const publicEndpoint = args.publicEndpoint ?? { enabled: false, cidrs: [] };
    const accessEntries = Object.fromEntries(
      (args.adminRoleArns ?? []).map((principalArn, i) => [
        `admin-${i}`,
        {
          principalArn,
          accessPolicies: {
            admin: { policyArn: `arn:${partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`, accessScope: { type: "cluster" } },
          },
        },
      ]),
    );

    const cluster = new eks.Cluster(name, {
      name: args.clusterName,
      version: args.kubernetesVersion,
      vpcId: args.vpcId,
      privateSubnetIds: args.privateSubnetIds,
      authenticationMode: eks.AuthenticationMode.Api,
      accessEntries,
      createOidcProvider: true,
      endpointPrivateAccess: true,
      endpointPublicAccess: publicEndpoint.enabled,
      publicAccessCidrs: publicEndpoint.enabled ? [...publicEndpoint.cidrs] : undefined,
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      encryptionConfigKeyArn: secretsKey.arn,
      skipDefaultNodeGroup: true,
      nodeAssociatePublicIpAddress: false,
      deletionProtection: isProductionEnvironment(args.environment),
      upgradePolicy: { supportType: isProductionEnvironment(args.environment) ? "EXTENDED" : "STANDARD" },
      vpcCniOptions: { addonVersion: addons["vpc-cni"] },
      corednsAddonOptions: { version: addons.coredns },
      kubeProxyAddonOptions: { version: addons["kube-proxy"] },
      storageClasses: { gp3: { type: "gp3", encrypted: true, default: true, allowVolumeExpansion: true } },
      tags,
    }, { ...child, dependsOn: [controlPlaneLogs] });

    const eksCluster = cluster.eksCluster;
    this.clusterName = eksCluster.name;
    this.clusterSecurityGroupId = eksCluster.vpcConfig.clusterSecurityGroupId;
    this.oidcProviderArn = cluster.oidcProviderArn;
    this.oidcProviderUrl = cluster.oidcProviderUrl;
    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    this.provider = new k8s.Provider(`${name}-k8s`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, child);

    const nodeRole = new aws.iam.Role(`${name}-nodes`, { assumeRolePolicy: EC2_TRUST_POLICY, tags }, child);
    ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy", "AmazonSSMManagedInstanceCore"].forEach(
      (policy) => new aws.iam.RolePolicyAttachment(`${name}-nodes-${policy}`, { role: nodeRole.name, policyArn: policyArn(policy) }, child),
    );
    this.nodeRoleArn = nodeRole.arn;
    this.nodeRoleName = nodeRole.name;

    for (const [group, shape] of Object.entries(args.nodeGroups)) {
      const launchTemplate = new aws.ec2.LaunchTemplate(`${name}-${group}`, {
        description: `${args.clusterName} ${group} nodes: IMDSv2 only, encrypted gp3 root volume`,
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: shape.diskSizeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } }],
        tagSpecifications: [{ resourceType: "instance", tags }, { resourceType: "volume", tags }],
        tags,
      }, child);
      new eks.ManagedNodeGroup(`${name}-${group}`, {
        cluster,
        nodeGroupNamePrefix: `${args.clusterName}-${group}`,
        nodeRole,
        subnetIds: args.privateSubnetIds,
        instanceTypes: shape.instanceTypes,
        capacityType: shape.capacityType,
        scalingConfig: { minSize: shape.minSize, maxSize: shape.maxSize, desiredSize: shape.desiredSize },
        launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
        labels: { ...shape.labels, "icna.io/node-group": group },
        taints: group === "system" ? [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }] : [],
        tags,
      }, child);
    }

    new aws.eks.Addon(`${name}-pod-identity-agent`, { clusterName: this.clusterName, addonName: "eks-pod-identity-agent", addonVersion: addons["eks-pod-identity-agent"], resolveConflictsOnUpdate: "PRESERVE", tags }, child);
    const ebsCsiRole = new aws.iam.Role(`${name}-ebs-csi`, { assumeRolePolicy: irsaTrustPolicy(this.oidcProviderArn, this.oidcProviderUrl, "kube-system", "ebs-csi-controller-sa"), tags }, child);
    new aws.iam.RolePolicyAttachment(`${name}-ebs-csi`, { role: ebsCsiRole.name, policyArn: policyArn("service-role/AmazonEBSCSIDriverPolicy") }, child);
    new aws.eks.Addon(`${name}-ebs-csi-driver`, {
      clusterName: this.clusterName,
      addonName: "aws-ebs-csi-driver",
      addonVersion: addons["aws-ebs-csi-driver"],
      serviceAccountRoleArn: ebsCsiRole.arn,
      resolveConflictsOnUpdate: "PRESERVE",
      tags,
    }, child);

    this.registerOutputs({ clusterName: this.clusterName, oidcProviderArn: this.oidcProviderArn, clusterSecurityGroupId: this.clusterSecurityGroupId });
  }
}
