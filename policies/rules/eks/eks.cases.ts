import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;

export const EKS_CASES: RuleCase[] = [
  // eks-control-plane-logging
  { rule: "eks-control-plane-logging", title: "all five log types on the eks.Cluster component", subject: "blue", expect: "pass" },
  { rule: "eks-control-plane-logging", title: "all five log types on the AWS cluster", subject: "engine-cluster", expect: "pass" },
  { rule: "eks-control-plane-logging", title: "component without audit and scheduler logs", subject: "blue", changes: [set("blue", { enabledClusterLogTypes: ["api", "authenticator", "controllerManager"] })], expect: "violation", message: ['Cluster "blue"', "audit, scheduler", "enabledClusterLogTypes"] },
  { rule: "eks-control-plane-logging", title: "AWS cluster with logging unset", subject: "engine-cluster", changes: [set("engine-cluster", { enabledClusterLogTypes: undefined })], expect: "violation", message: ["engine-cluster", "api"] },
  { rule: "eks-control-plane-logging", title: "log types computed at preview", subject: "blue", changes: [set("blue", { enabledClusterLogTypes: U })], expect: "undecided" },

  // eks-public-endpoint-restricted
  { rule: "eks-public-endpoint-restricted", title: "private endpoint only", subject: "blue", expect: "pass" },
  { rule: "eks-public-endpoint-restricted", title: "public endpoint limited to an office CIDR", subject: "blue", changes: [set("blue", { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] })], expect: "pass" },
  { rule: "eks-public-endpoint-restricted", title: "component left at the eks default (public, 0.0.0.0/0)", subject: "blue", changes: [set("blue", { endpointPublicAccess: undefined })], expect: "violation", message: ['Cluster "blue"', "0.0.0.0/0", "publicAccessCidrs"] },
  { rule: "eks-public-endpoint-restricted", title: "AWS cluster public to ::/0", subject: "engine-cluster", changes: [set("engine-cluster", { "vpcConfig.endpointPublicAccess": true, "vpcConfig.publicAccessCidrs": ["::/0"] })], expect: "violation", message: ["::/0"] },
  { rule: "eks-public-endpoint-restricted", title: "public access flag computed", subject: "engine-cluster", changes: [set("engine-cluster", { "vpcConfig.endpointPublicAccess": U })], expect: "undecided" },

  // eks-public-endpoint-disabled
  { rule: "eks-public-endpoint-disabled", title: "private only", subject: "engine-cluster", expect: "pass" },
  { rule: "eks-public-endpoint-disabled", title: "public endpoint even if restricted", subject: "blue", changes: [set("blue", { endpointPublicAccess: true, publicAccessCidrs: ["203.0.113.0/24"] })], expect: "violation", message: ["public", "endpointPublicAccess: false"] },
  { rule: "eks-public-endpoint-disabled", title: "private access off", subject: "engine-cluster", changes: [set("engine-cluster", { "vpcConfig.endpointPrivateAccess": false })], expect: "violation", message: ["private endpoint access is off"] },
  { rule: "eks-public-endpoint-disabled", title: "private access computed", subject: "blue", changes: [set("blue", { endpointPrivateAccess: U })], expect: "undecided" },

  // eks-secrets-encryption
  { rule: "eks-secrets-encryption", title: "component with a key being created", subject: "blue", expect: "pass" },
  { rule: "eks-secrets-encryption", title: "AWS cluster with encryptionConfig for secrets", subject: "engine-cluster", expect: "pass" },
  { rule: "eks-secrets-encryption", title: "component without a key", subject: "green", changes: [set("green", { encryptionConfigKeyArn: undefined })], expect: "violation", message: ['Cluster "green"', "encryptionConfigKeyArn"] },
  { rule: "eks-secrets-encryption", title: "AWS cluster encrypting nothing", subject: "engine-cluster", changes: [set("engine-cluster", { "encryptionConfig.resources": [] })], expect: "violation", message: ["encryptionConfig"] },
  { rule: "eks-secrets-encryption", title: "encrypted resources computed", subject: "engine-cluster", changes: [set("engine-cluster", { "encryptionConfig.resources": U })], expect: "undecided" },

  // eks-supported-version (the cases run on 2026-11-01)
  { rule: "eks-supported-version", title: "1.34 in standard support", subject: "blue", expect: "pass" },
  { rule: "eks-supported-version", title: "1.31 in extended support", subject: "blue", changes: [set("blue", { version: "1.31" })], expect: "pass" },
  { rule: "eks-supported-version", title: "1.30 past extended support", subject: "blue", changes: [set("blue", { version: "1.30" })], expect: "violation", message: ["1.30", "no longer supports", "2026-07-23", "idle colour"] },
  { rule: "eks-supported-version", title: "1.27, older than the calendar", subject: "engine-cluster", changes: [set("engine-cluster", { version: "1.27" })], expect: "violation", message: ["1.27"] },
  { rule: "eks-supported-version", title: "a version string EKS never had", subject: "blue", changes: [set("blue", { version: "latest" })], expect: "violation", message: ["not an EKS version"] },
  { rule: "eks-supported-version", title: "version computed", subject: "blue", changes: [set("blue", { version: U })], expect: "undecided" },

  // eks-standard-support-version
  { rule: "eks-standard-support-version", title: "1.34 in standard support", subject: "green", expect: "pass" },
  { rule: "eks-standard-support-version", title: "1.32 in extended support", subject: "green", changes: [set("green", { version: "1.32" })], expect: "violation", message: ["1.32", "extended support", "2026-03-23", "cut traffic over"] },
  { rule: "eks-standard-support-version", title: "1.35 in standard support", subject: "green", changes: [set("green", { version: "1.35" })], expect: "pass" },
  { rule: "eks-standard-support-version", title: "version computed", subject: "green", changes: [set("green", { version: U })], expect: "undecided" },

  // eks-node-imdsv2
  { rule: "eks-node-imdsv2", title: "managed node group with enableIMDSv2", subject: "blue-workload", expect: "pass" },
  { rule: "eks-node-imdsv2", title: "launch template requiring tokens", subject: "engine-nodes", expect: "pass" },
  { rule: "eks-node-imdsv2", title: "component skipping the default node group", subject: "blue", expect: "pass" },
  { rule: "eks-node-imdsv2", title: "AWS node group with a launch template is judged on the template", subject: "engine-workload", expect: "not-applicable" },
  { rule: "eks-node-imdsv2", title: "managed node group without IMDSv2", subject: "blue-workload", changes: [set("blue-workload", { enableIMDSv2: false })], expect: "violation", message: ['ManagedNodeGroup "blue-workload"', "enableIMDSv2"] },
  { rule: "eks-node-imdsv2", title: "launch template with optional tokens", subject: "engine-nodes", changes: [set("engine-nodes", { "metadataOptions.httpTokens": "optional" })], expect: "violation", message: ["IMDSv1", 'httpTokens to "required"'] },
  { rule: "eks-node-imdsv2", title: "AWS node group without a launch template", subject: "engine-workload", changes: [set("engine-workload", { launchTemplate: undefined })], expect: "violation", message: ["no launch template"] },
  { rule: "eks-node-imdsv2", title: "component keeping its default node group", subject: "blue", changes: [set("blue", { skipDefaultNodeGroup: undefined })], expect: "violation", message: ["skipDefaultNodeGroup"] },
  { rule: "eks-node-imdsv2", title: "token setting computed", subject: "engine-nodes", changes: [set("engine-nodes", { "metadataOptions.httpTokens": U })], expect: "undecided" },

  // eks-node-remote-access-restricted
  { rule: "eks-node-remote-access-restricted", title: "no remote access", subject: "engine-workload", expect: "pass" },
  { rule: "eks-node-remote-access-restricted", title: "SSH key limited to a bastion group", subject: "engine-workload", changes: [set("engine-workload", { remoteAccess: { ec2SshKey: "ops", sourceSecurityGroupIds: [U] } })], expect: "pass" },
  { rule: "eks-node-remote-access-restricted", title: "SSH key without source groups", subject: "blue-workload", changes: [set("blue-workload", { remoteAccess: { ec2SshKey: "ops" } })], expect: "violation", message: ["0.0.0.0/0", "sourceSecurityGroupIds"] },
  { rule: "eks-node-remote-access-restricted", title: "remote access block computed", subject: "engine-workload", changes: [set("engine-workload", { remoteAccess: U })], expect: "undecided" },

  // eks-node-groups-multi-az
  { rule: "eks-node-groups-multi-az", title: "every group in three zones", expect: "pass" },
  { rule: "eks-node-groups-multi-az", title: "a managed node group in one subnet", changes: [set("green-workload", { subnetIds: [U] })], expect: "violation", message: ['ManagedNodeGroup "green-workload"', "1 subnet"] },
  {
    rule: "eks-node-groups-multi-az",
    title: "an AWS node group whose subnets share a zone",
    changes: [set("private-b", { availabilityZone: "eu-west-1a" }), set("private-c", { availabilityZone: "eu-west-1a" })],
    expect: "violation",
    message: ["eu-west-1a"],
  },
  { rule: "eks-node-groups-multi-az", title: "a managed node group pinned by a placement group", changes: [set("blue-workload", { placementGroupAvailabilityZone: "eu-west-1b" })], expect: "violation", message: ["placementGroupAvailabilityZone"] },
  {
    rule: "eks-node-groups-multi-az",
    title: "node group defaults to its cluster's subnets",
    changes: [set("blue-workload", { subnetIds: undefined })],
    expect: "pass",
  },
  {
    rule: "eks-node-groups-multi-az",
    title: "subnet ids computed and not traceable",
    changes: [{ set: "engine-workload", options: { dependencies: [urnOf(TYPES.awsEksCluster, "engine-cluster")] } }],
    expect: "undecided",
  },
];
