import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;
const bastionSg = { add: { type: TYPES.securityGroup, name: "bastion-sg", urn: urnOf(TYPES.securityGroup, "bastion-sg"), props: { description: "bastion", ingress: [] } } } as const;
const extraProvider = { add: { type: TYPES.kubernetesProvider, name: "blue-k8s-2", urn: urnOf(TYPES.kubernetesProvider, "blue-k8s-2"), props: { kubeconfig: U }, dependencies: [urnOf(TYPES.eksCluster, "blue")] } } as const;

export const PULUMI_CASES: RuleCase[] = [
  // no-plaintext-credentials (canary values: never real credentials)
  { rule: "no-plaintext-credentials", title: "managed password and a Pulumi-secret auth token", subject: "redis", expect: "pass" },
  { rule: "no-plaintext-credentials", title: "literal master password", subject: "postgres", changes: [set("postgres", { manageMasterUserPassword: undefined, password: "canary-Pa55word" })], expect: "violation", message: ['Instance "postgres"', "literal value of a credential-named input", "password"] },
  {
    rule: "no-plaintext-credentials",
    title: "user data exporting an AWS key pair (base64)",
    subject: "engine-nodes",
    changes: [set("engine-nodes", { userData: Buffer.from("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAZZZZCANARY000001\nexport AWS_SECRET_ACCESS_KEY=Zq3vR8tW1yB6nM4kP7sD2fG9hJ5lX0cVaE+Q/uTz\n").toString("base64") })],
    expect: "violation",
    message: ["AWS access key id", "AWS secret access key", "userData"],
  },
  { rule: "no-plaintext-credentials", title: "container env with a GitHub token", subject: "api", changes: [set("api", { spec: { template: { spec: { containers: [{ name: "api", image: "x", env: [{ name: "GH", value: "ghp_CANARYcanaryCANARYcanaryCANARY012345" }] }] } } } })], expect: "violation", message: ["GitHub token"] },
  { rule: "no-plaintext-credentials", title: "auth token computed (unknown, not plaintext)", subject: "redis", changes: [set("redis", { authToken: U })], expect: "pass" },

  // pulumi-protect-stateful
  { rule: "pulumi-protect-stateful", title: "protected database", subject: "postgres", expect: "pass" },
  { rule: "pulumi-protect-stateful", title: "unprotected cache in prod", subject: "redis", changes: [{ set: "redis", options: { protect: false } }], expect: "violation", message: ['ReplicationGroup "redis"', "protect: true"] },
  { rule: "pulumi-protect-stateful", title: "a resources file that does not say", subject: "kafka", changes: [{ set: "kafka", options: { protect: undefined } }], expect: "undecided" },

  // database-ingress-only-from-clusters
  { rule: "database-ingress-only-from-clusters", title: "stores admit only the blue and green clusters", expect: "pass" },
  {
    rule: "database-ingress-only-from-clusters",
    title: "a CIDR rule on the database group",
    changes: [{ add: { type: TYPES.securityGroupIngressRule, name: "postgres-from-office", urn: urnOf(TYPES.securityGroupIngressRule, "postgres-from-office"), props: { securityGroupId: U, cidrIpv4: "203.0.113.0/24", ipProtocol: "tcp", fromPort: 6432, toPort: 6432 }, dependencies: [urnOf(TYPES.securityGroup, "postgres-sg")] } }],
    expect: "violation",
    message: ['Instance "postgres"', '"postgres-from-office"', "203.0.113.0/24"],
  },
  {
    rule: "database-ingress-only-from-clusters",
    title: "another security group admitted to the cache",
    changes: [bastionSg, { add: { type: TYPES.securityGroupIngressRule, name: "redis-from-bastion", urn: urnOf(TYPES.securityGroupIngressRule, "redis-from-bastion"), props: { securityGroupId: U, referencedSecurityGroupId: U, ipProtocol: "tcp", fromPort: 6379, toPort: 6379 }, dependencies: [urnOf(TYPES.securityGroup, "redis-sg"), urnOf(TYPES.securityGroup, "bastion-sg")] } }],
    expect: "violation",
    message: ['ReplicationGroup "redis"', 'SecurityGroup "bastion-sg"', "not a cluster security group"],
  },
  { rule: "database-ingress-only-from-clusters", title: "inline VPC-wide rule on the broker group", changes: [set("kafka-sg", { ingress: [{ protocol: "tcp", fromPort: 9098, toPort: 9098, cidrBlocks: ["10.40.0.0/16"] }] })], expect: "violation", message: ['Cluster "kafka"', "10.40.0.0/16"] },
  { rule: "database-ingress-only-from-clusters", title: "real-engine view with per-input dependencies to the engine cluster", changes: [{ set: "postgres-from-blue", options: { propertyDependencies: { securityGroupId: [urnOf(TYPES.securityGroup, "postgres-sg")], referencedSecurityGroupId: [urnOf(TYPES.awsEksCluster, "engine-cluster")] } } }], expect: "pass" },
  { rule: "database-ingress-only-from-clusters", title: "a data store whose groups cannot be traced yet", changes: [{ set: "redis", options: { dependencies: [] } }], expect: "undecided" },

  // traffic-weights-not-both-zero
  { rule: "traffic-weights-not-both-zero", title: "blue 100, green 0", expect: "pass" },
  { rule: "traffic-weights-not-both-zero", title: "both colours at 0", changes: [set("app-blue", { weightedRoutingPolicies: [{ weight: 0 }] })], expect: "violation", message: ['"blue" and "green"', "weight 0", "app.example.com"] },
  { rule: "traffic-weights-not-both-zero", title: "records of different names are separate groups", changes: [set("app-blue", { name: "api.example.com" })], expect: "violation", message: ['"green"'] },
  { rule: "traffic-weights-not-both-zero", title: "blue weight computed while green is 0", changes: [set("app-blue", { weightedRoutingPolicies: [{ weight: U }] })], expect: "undecided" },

  // one-kubernetes-provider-per-cluster
  { rule: "one-kubernetes-provider-per-cluster", title: "one provider per cluster", expect: "pass" },
  { rule: "one-kubernetes-provider-per-cluster", title: "a second provider for blue", changes: [extraProvider], expect: "violation", message: ['Cluster "blue"', "2 Kubernetes providers", '"blue-k8s-2"'] },
  { rule: "one-kubernetes-provider-per-cluster", title: "a cluster without a provider", changes: [{ remove: "green-k8s" }], expect: "violation", message: ['Cluster "green"', "no Kubernetes provider"] },
  { rule: "one-kubernetes-provider-per-cluster", title: "the eks component's own provider does not count", changes: [{ add: { type: TYPES.kubernetesProvider, name: "blue-provider", urn: urnOf(TYPES.kubernetesProvider, "blue-provider", TYPES.eksCluster), parent: urnOf(TYPES.eksCluster, "blue"), props: { kubeconfig: U }, dependencies: [urnOf(TYPES.eksCluster, "blue")] } }], expect: "pass" },
  { rule: "one-kubernetes-provider-per-cluster", title: "a provider whose cluster cannot be traced", changes: [{ remove: "green-k8s" }, { add: { type: TYPES.kubernetesProvider, name: "mystery", urn: urnOf(TYPES.kubernetesProvider, "mystery"), props: { kubeconfig: U } } }], expect: "undecided" },
];
