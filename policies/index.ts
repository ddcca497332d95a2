/**
 * The ICNA CrossGuard policy pack: `pulumi preview --policy-pack policies --policy-pack-config policies/config/<kind>.json`.
 * Constructing the pack starts its gRPC server, so nothing else imports this file: tests, the CLI and
 * `icna review` use the same rules through evaluate.ts and crossguard/adapter.ts.
 */
import { PolicyPack } from "@pulumi/policy";
import { crossGuardPolicies } from "./crossguard/adapter";
import { RULES } from "./rules";

new PolicyPack("icna", {
  description: "ICNA platform guardrails: EKS, RDS, ElastiCache, MSK, network, KMS, IAM, Kubernetes, cost and Pulumi stack checks.",
  policies: crossGuardPolicies(RULES),
});
