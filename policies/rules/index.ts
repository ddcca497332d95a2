import { Rule } from "../rule";
import { eksControlPlaneLogging } from "./eks/eks-control-plane-logging";
import { eksNodeGroupsMultiAz } from "./eks/eks-node-groups-multi-az";
import { eksNodeImdsv2 } from "./eks/eks-node-imdsv2";
import { eksNodeRemoteAccessRestricted } from "./eks/eks-node-remote-access-restricted";
import { eksPublicEndpointDisabled } from "./eks/eks-public-endpoint-disabled";
import { eksPublicEndpointRestricted } from "./eks/eks-public-endpoint-restricted";
import { eksSecretsEncryption } from "./eks/eks-secrets-encryption";
import { eksStandardSupportVersion } from "./eks/eks-standard-support-version";
import { eksSupportedVersion } from "./eks/eks-supported-version";
import { rdsAutoMinorUpgrade } from "./rds/rds-auto-minor-upgrade";
import { rdsBackupRetention } from "./rds/rds-backup-retention";
import { rdsDeletionProtection } from "./rds/rds-deletion-protection";
import { rdsEnhancedMonitoring } from "./rds/rds-enhanced-monitoring";
import { rdsIamAuthentication } from "./rds/rds-iam-authentication";
import { rdsInCustomVpc } from "./rds/rds-in-custom-vpc";
import { rdsLogExports } from "./rds/rds-log-exports";
import { rdsMasterPasswordManaged } from "./rds/rds-master-password-managed";
import { rdsMultiAz } from "./rds/rds-multi-az";
import { rdsNonDefaultIdentity } from "./rds/rds-non-default-identity";
import { rdsNotPublic } from "./rds/rds-not-public";
import { rdsPerformanceInsightsEncrypted } from "./rds/rds-performance-insights-encrypted";
import { rdsStorageEncrypted } from "./rds/rds-storage-encrypted";
import { rdsTlsEnforced } from "./rds/rds-tls-enforced";
import { rdsFinalSnapshot } from "./rds/rds-final-snapshot";
import { elasticacheAtRestEncrypted } from "./elasticache/elasticache-at-rest-encrypted";
import { elasticacheAuth } from "./elasticache/elasticache-auth";
import { elasticacheAutomaticFailover } from "./elasticache/elasticache-automatic-failover";
import { elasticacheEncryptedWithCmk } from "./elasticache/elasticache-encrypted-with-cmk";
import { elasticacheInCustomVpc } from "./elasticache/elasticache-in-custom-vpc";
import { elasticacheInTransitEncrypted } from "./elasticache/elasticache-in-transit-encrypted";
import { elasticacheSnapshotRetention } from "./elasticache/elasticache-snapshot-retention";
import { elasticacheFinalSnapshot } from "./elasticache/elasticache-final-snapshot";
import { mskBrokerLogging } from "./msk/msk-broker-logging";
import { mskClientAuthentication } from "./msk/msk-client-authentication";
import { mskEncryptionAtRestCmk } from "./msk/msk-encryption-at-rest-cmk";
import { mskPrivateBrokers } from "./msk/msk-private-brokers";
import { mskTlsInTransit } from "./msk/msk-tls-in-transit";
import { noDefaultSecurityGroup } from "./network/no-default-security-group";
import { sgNoPublicAdminIngress } from "./network/sg-no-public-admin-ingress";
import { sgNoPublicDatabaseIngress } from "./network/sg-no-public-database-ingress";
import { sgNoPublicHttpIngress } from "./network/sg-no-public-http-ingress";
import { sgRuleDescriptions } from "./network/sg-rule-descriptions";
import { vpcFlowLogs } from "./network/vpc-flow-logs";
import { kmsKeyRotation } from "./kms/kms-key-rotation";
import { kmsNoWildcardPrincipal } from "./kms/kms-no-wildcard-principal";
import { iamNoAdminAccess } from "./iam/iam-no-admin-access";
import { iamNoPrivilegeEscalation } from "./iam/iam-no-privilege-escalation";
import { iamNoUnconstrainedSensitiveActions } from "./iam/iam-no-unconstrained-sensitive-actions";
import { iamOidcTrustScoped } from "./iam/iam-oidc-trust-scoped";
import { k8sGrafanaAdminFromSecret } from "./kubernetes/k8s-grafana-admin-from-secret";
import { k8sImagePinned } from "./kubernetes/k8s-image-pinned";
import { k8sNoHostAccess } from "./kubernetes/k8s-no-host-access";
import { k8sNoPrivileged } from "./kubernetes/k8s-no-privileged";
import { k8sProdPodDisruptionBudget } from "./kubernetes/k8s-prod-pod-disruption-budget";
import { k8sResourceRequestsLimits } from "./kubernetes/k8s-resource-requests-limits";
import { k8sRunAsNonRoot } from "./kubernetes/k8s-run-as-non-root";
import { costAllowedInstanceFamilies } from "./cost/cost-allowed-instance-families";
import { costDevSizeLimits } from "./cost/cost-dev-size-limits";
import { costGp3Volumes } from "./cost/cost-gp3-volumes";
import { costRequiredTags } from "./cost/cost-required-tags";
import { databaseIngressOnlyFromClusters } from "./pulumi/database-ingress-only-from-clusters";
import { oneKubernetesProviderPerCluster } from "./pulumi/one-kubernetes-provider-per-cluster";
import { pulumiProtectStateful } from "./pulumi/pulumi-protect-stateful";
import { noPlaintextCredentials } from "./pulumi/no-plaintext-credentials";
import { trafficWeightsNotBothZero } from "./pulumi/traffic-weights-not-both-zero";

/**
 * Every ICNA policy rule, in one explicit list (no registration by import side effect). The offline
 * engine, the CrossGuard pack, the docs table and the per-stack configs all read this list.
 */
export const RULES: readonly Rule[] = [
  // eks
  eksControlPlaneLogging,
  eksNodeGroupsMultiAz,
  eksNodeImdsv2,
  eksNodeRemoteAccessRestricted,
  eksPublicEndpointDisabled,
  eksPublicEndpointRestricted,
  eksSecretsEncryption,
  eksStandardSupportVersion,
  eksSupportedVersion,
  // rds
  rdsAutoMinorUpgrade,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsEnhancedMonitoring,
  rdsIamAuthentication,
  rdsInCustomVpc,
  rdsLogExports,
  rdsMasterPasswordManaged,
  rdsMultiAz,
  rdsNonDefaultIdentity,
  rdsNotPublic,
  rdsPerformanceInsightsEncrypted,
  rdsStorageEncrypted,
  rdsTlsEnforced,
  rdsFinalSnapshot,
  // elasticache
  elasticacheAtRestEncrypted,
  elasticacheAuth,
  elasticacheAutomaticFailover,
  elasticacheEncryptedWithCmk,
  elasticacheInCustomVpc,
  elasticacheInTransitEncrypted,
  elasticacheSnapshotRetention,
  elasticacheFinalSnapshot,
  // msk
  mskBrokerLogging,
  mskClientAuthentication,
  mskEncryptionAtRestCmk,
  mskPrivateBrokers,
  mskTlsInTransit,
  // network
  noDefaultSecurityGroup,
  sgNoPublicAdminIngress,
  sgNoPublicDatabaseIngress,
  sgNoPublicHttpIngress,
  sgRuleDescriptions,
  vpcFlowLogs,
  // kms
  kmsKeyRotation,
  kmsNoWildcardPrincipal,
  // iam
  iamNoAdminAccess,
  iamNoPrivilegeEscalation,
  iamNoUnconstrainedSensitiveActions,
  iamOidcTrustScoped,
  // kubernetes
  k8sImagePinned,
  k8sGrafanaAdminFromSecret,
  k8sNoHostAccess,
  k8sNoPrivileged,
  k8sProdPodDisruptionBudget,
  k8sResourceRequestsLimits,
  k8sRunAsNonRoot,
  // cost
  costAllowedInstanceFamilies,
  costDevSizeLimits,
  costGp3Volumes,
  costRequiredTags,
  // pulumi
  databaseIngressOnlyFromClusters,
  oneKubernetesProviderPerCluster,
  pulumiProtectStateful,
  noPlaintextCredentials,
  trafficWeightsNotBothZero,
];
