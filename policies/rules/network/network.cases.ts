import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;
const sshRule = (props: Record<string, unknown>) =>
  ({ add: { type: TYPES.securityGroupRule, name: "ssh", urn: urnOf(TYPES.securityGroupRule, "ssh"), protect: false, props: { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, securityGroupId: U, description: "ops", ...props } } }) as const;
const albIngress = (rule: Record<string, unknown>) => set("ingress-alb", { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS", ...rule }] });

export const NETWORK_CASES: RuleCase[] = [
  // sg-no-public-admin-ingress
  { rule: "sg-no-public-admin-ingress", title: "HTTPS from the internet", subject: "ingress-alb", expect: "pass" },
  { rule: "sg-no-public-admin-ingress", title: "SSH from a VPN range", subject: "ssh", changes: [sshRule({ cidrBlocks: ["198.51.100.0/24"] })], expect: "pass" },
  { rule: "sg-no-public-admin-ingress", title: "SSH rule from 0.0.0.0/0", subject: "ssh", changes: [sshRule({ cidrBlocks: ["0.0.0.0/0"] })], expect: "violation", message: ['security group rule "ssh"', "22 (SSH)", "0.0.0.0/0"] },
  { rule: "sg-no-public-admin-ingress", title: "RDP inline from ::/0", subject: "ingress-alb", changes: [albIngress({ fromPort: 3389, toPort: 3389, cidrBlocks: [], ipv6CidrBlocks: ["::/0"] })], expect: "violation", message: ['security group "ingress-alb" ingress[0]', "3389 (RDP)", "::/0"] },
  { rule: "sg-no-public-admin-ingress", title: "every port from the internet", subject: "ingress-alb", changes: [albIngress({ protocol: "-1", fromPort: 0, toPort: 0 })], expect: "violation", message: ["every port"] },
  { rule: "sg-no-public-admin-ingress", title: "ephemeral range 1024-65535 still exposes the kubelet", subject: "ingress-alb", changes: [albIngress({ fromPort: 1024, toPort: 65535 })], expect: "violation", message: ["10250 (kubelet)"] },
  { rule: "sg-no-public-admin-ingress", title: "UDP 53 from the internet", subject: "ingress-alb", changes: [albIngress({ protocol: "udp", fromPort: 53, toPort: 53 })], expect: "pass" },
  { rule: "sg-no-public-admin-ingress", title: "ports computed on a public rule", subject: "ssh", changes: [sshRule({ cidrBlocks: ["0.0.0.0/0"], fromPort: U, toPort: U })], expect: "undecided" },
  { rule: "sg-no-public-admin-ingress", title: "egress rules are out of scope", subject: "ssh", changes: [sshRule({ type: "egress", cidrBlocks: ["0.0.0.0/0"] })], expect: "pass" },

  // sg-no-public-database-ingress
  { rule: "sg-no-public-database-ingress", title: "database rule from a cluster group", subject: "postgres-from-blue", expect: "pass" },
  { rule: "sg-no-public-database-ingress", title: "PostgreSQL from the internet", subject: "postgres-from-blue", changes: [set("postgres-from-blue", { referencedSecurityGroupId: undefined, cidrIpv4: "0.0.0.0/0", fromPort: 5432, toPort: 5432 })], expect: "violation", message: ["5432 (PostgreSQL)", "0.0.0.0/0"] },
  { rule: "sg-no-public-database-ingress", title: "a range covering Redis from ::/0", subject: "ingress-alb", changes: [albIngress({ fromPort: 6000, toPort: 7000, cidrBlocks: [], ipv6CidrBlocks: ["::/0"] })], expect: "violation", message: ["6379 (Redis)"] },
  { rule: "sg-no-public-database-ingress", title: "CIDR computed", subject: "postgres-from-blue", changes: [set("postgres-from-blue", { referencedSecurityGroupId: undefined, cidrIpv4: U })], expect: "undecided" },

  // sg-no-public-http-ingress
  { rule: "sg-no-public-http-ingress", title: "HTTPS only", subject: "ingress-alb", expect: "pass" },
  { rule: "sg-no-public-http-ingress", title: "port 80 from the internet", subject: "ingress-alb", changes: [albIngress({ fromPort: 80, toPort: 80 })], expect: "violation", message: ["80 (HTTP)"] },
  { rule: "sg-no-public-http-ingress", title: "protocol computed", subject: "ingress-alb", changes: [albIngress({ protocol: U, fromPort: 80, toPort: 80 })], expect: "undecided" },

  // sg-rule-descriptions
  { rule: "sg-rule-descriptions", title: "described rules", subject: "postgres-from-green", expect: "pass" },
  { rule: "sg-rule-descriptions", title: "inline rule without description", subject: "ingress-alb", changes: [albIngress({ description: undefined })], expect: "violation", message: ["ingress[0]", "no description"] },
  { rule: "sg-rule-descriptions", title: "rule resource without description", subject: "postgres-from-blue", changes: [set("postgres-from-blue", { description: "" })], expect: "violation", message: ['"postgres-from-blue"'] },
  { rule: "sg-rule-descriptions", title: "ingress list computed", subject: "ingress-alb", changes: [set("ingress-alb", { ingress: U })], expect: "undecided" },

  // vpc-flow-logs
  { rule: "vpc-flow-logs", title: "VPC with a flow log", expect: "pass" },
  { rule: "vpc-flow-logs", title: "VPC without a flow log", changes: [{ remove: "vpc-flow-log" }], expect: "violation", message: ['Vpc "vpc"', "aws.ec2.FlowLog"] },
  { rule: "vpc-flow-logs", title: "a flow log whose VPC cannot be traced yet", changes: [{ set: "vpc-flow-log", options: { dependencies: [] } }], expect: "undecided" },
  { rule: "vpc-flow-logs", title: "a flow log for a VPC outside the stack does not count", changes: [set("vpc-flow-log", { vpcId: "vpc-0123456789abcdef0" })], expect: "violation" },

  // no-default-security-group
  { rule: "no-default-security-group", title: "default group adopted with no rules", subject: "default-security-group", expect: "pass" },
  { rule: "no-default-security-group", title: "database with its own group", subject: "postgres", expect: "pass" },
  { rule: "no-default-security-group", title: "default group allowing traffic", subject: "default-security-group", changes: [set("default-security-group", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] })], expect: "violation", message: ["default security group", "remove its ingress"] },
  { rule: "no-default-security-group", title: "cache without security groups", subject: "redis", changes: [set("redis", { securityGroupIds: undefined })], expect: "violation", message: ["securityGroupIds", "default security group"] },
  { rule: "no-default-security-group", title: "default group's rules computed", subject: "default-security-group", changes: [set("default-security-group", { ingress: U })], expect: "undecided" },
];
