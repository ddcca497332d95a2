import { RuleCase } from "../test-support/cases";
import { EKS_CASES } from "./eks/eks.cases";
import { RDS_CASES } from "./rds/rds.cases";
import { ELASTICACHE_CASES } from "./elasticache/elasticache.cases";
import { MSK_CASES } from "./msk/msk.cases";
import { NETWORK_CASES } from "./network/network.cases";
import { KMS_CASES } from "./kms/kms.cases";
import { IAM_CASES } from "./iam/iam.cases";
import { KUBERNETES_CASES } from "./kubernetes/kubernetes.cases";
import { COST_CASES } from "./cost/cost.cases";
import { PULUMI_CASES } from "./pulumi/pulumi.cases";

/** Every rule's test cases, by area. */
export const CASES: Readonly<Record<string, readonly RuleCase[]>> = {
  eks: EKS_CASES,
  rds: RDS_CASES,
  elasticache: ELASTICACHE_CASES,
  msk: MSK_CASES,
  network: NETWORK_CASES,
  kms: KMS_CASES,
  iam: IAM_CASES,
  kubernetes: KUBERNETES_CASES,
  cost: COST_CASES,
  pulumi: PULUMI_CASES,
};
