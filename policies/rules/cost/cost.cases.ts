import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;

export const COST_CASES: RuleCase[] = [
  // cost-required-tags
  { rule: "cost-required-tags", title: "tags from the provider's defaultTags", subject: "postgres", expect: "pass" },
  { rule: "cost-required-tags", title: "tags on the resource itself", subject: "postgres", changes: [{ set: "postgres", options: { provider: undefined } }, set("postgres", { tags: { owner: "data", environment: "prod", "cost-center": "cc-9" } })], expect: "pass" },
  { rule: "cost-required-tags", title: "no provider tags and none on the resource", subject: "kafka", changes: [{ set: "kafka", options: { provider: undefined } }], expect: "violation", message: ['Cluster "kafka"', "owner, environment, cost-center"] },
  { rule: "cost-required-tags", title: "a resource tag overrides the provider's environment", subject: "scratch", changes: [set("scratch", { tags: { environment: "dev" } })], expect: "violation", message: ["environment=dev in a prod stack"] },
  { rule: "cost-required-tags", title: "provider defaultTags missing cost-center", subject: "vpc", changes: [set("aws", { defaultTags: JSON.stringify({ tags: { owner: "platform", environment: "prod" } }) })], expect: "violation", message: ["cost-center"] },
  { rule: "cost-required-tags", title: "tag map computed", subject: "vpc", changes: [set("vpc", { tags: U })], expect: "undecided" },
  {
    rule: "cost-required-tags",
    title: "a child of the eks.Cluster component is tagged through the component",
    subject: "blue-eksClusterSecurityGroup",
    changes: [{ add: { type: TYPES.securityGroup, name: "blue-eksClusterSecurityGroup", urn: urnOf(TYPES.securityGroup, "blue-eksClusterSecurityGroup", TYPES.eksCluster), parent: urnOf(TYPES.eksCluster, "blue"), props: { tags: { Name: "blue" } } } }],
    expect: "not-applicable",
  },

  // cost-allowed-instance-families
  { rule: "cost-allowed-instance-families", title: "current-generation families", subject: "postgres", expect: "pass" },
  { rule: "cost-allowed-instance-families", title: "burstable nodes in dev", subject: "blue-workload", kind: "dev", changes: [set("blue-workload", { instanceTypes: ["t4g.large"] })], expect: "pass" },
  { rule: "cost-allowed-instance-families", title: "burstable database in prod", subject: "postgres", changes: [set("postgres", { instanceClass: "db.t4g.large" })], expect: "violation", message: ["db.t4g.large", "burstable"] },
  { rule: "cost-allowed-instance-families", title: "previous-generation brokers", subject: "kafka", changes: [set("kafka", { "brokerNodeGroupInfo.instanceType": "kafka.m4.large" })], expect: "violation", message: ["previous-generation"] },
  { rule: "cost-allowed-instance-families", title: "GPU nodes need an exception", subject: "engine-workload", changes: [set("engine-workload", { instanceTypes: ["p4d.24xlarge"] })], expect: "violation", message: ["p family"] },
  { rule: "cost-allowed-instance-families", title: "instance type computed", subject: "redis", changes: [set("redis", { nodeType: U })], expect: "undecided" },

  // cost-gp3-volumes
  { rule: "cost-gp3-volumes", title: "gp3 everywhere", subject: "engine-nodes", expect: "pass" },
  { rule: "cost-gp3-volumes", title: "gp2 EBS volume", subject: "scratch", changes: [set("scratch", { type: "gp2" })], expect: "violation", message: ['Volume "scratch"', "gp2", "gp3"] },
  { rule: "cost-gp3-volumes", title: "gp2 root volume in the launch template", subject: "engine-nodes", changes: [set("engine-nodes", { "blockDeviceMappings.0.ebs.volumeType": "gp2" })], expect: "violation", message: ["blockDeviceMappings[0].ebs.volumeType"] },
  { rule: "cost-gp3-volumes", title: "gp2 StorageClass", subject: "gp3", changes: [set("gp3", { "parameters.type": "gp2" })], expect: "violation", message: ["parameters.type"] },
  { rule: "cost-gp3-volumes", title: "RDS storage type computed", subject: "postgres", changes: [set("postgres", { storageType: U })], expect: "undecided" },

  // cost-dev-size-limits
  { rule: "cost-dev-size-limits", title: "small dev node group", subject: "blue-workload", kind: "dev", expect: "pass" },
  { rule: "cost-dev-size-limits", title: "oversized dev nodes", subject: "blue-workload", kind: "dev", changes: [set("blue-workload", { instanceTypes: ["m7g.8xlarge"], "scalingConfig.maxSize": 20 })], expect: "violation", message: ["m7g.8xlarge is larger than 2xlarge", "20 nodes"] },
  { rule: "cost-dev-size-limits", title: "Multi-AZ database in dev", subject: "postgres", kind: "dev", changes: [set("postgres", { maxAllocatedStorage: 150 })], expect: "violation", message: ["Multi-AZ"] },
  { rule: "cost-dev-size-limits", title: "broker count computed", subject: "kafka", kind: "dev", changes: [set("kafka", { numberOfBrokerNodes: U })], expect: "undecided" },
  { rule: "cost-dev-size-limits", title: "four brokers over two zones, the smallest even layout for three replicas", subject: "kafka", kind: "dev", changes: [set("kafka", { numberOfBrokerNodes: 4, "brokerNodeGroupInfo.clientSubnets": [U, U] })], expect: "pass" },
  { rule: "cost-dev-size-limits", title: "six brokers over three zones", subject: "kafka", kind: "dev", changes: [set("kafka", { numberOfBrokerNodes: 6 })], expect: "violation", message: ["6 brokers (limit 3 over 3 zones)"] },
  { rule: "cost-dev-size-limits", title: "six brokers over two zones", subject: "kafka", kind: "dev", changes: [set("kafka", { numberOfBrokerNodes: 6, "brokerNodeGroupInfo.clientSubnets": [U, U] })], expect: "violation", message: ["6 brokers (limit 4 over 2 zones)"] },
];
