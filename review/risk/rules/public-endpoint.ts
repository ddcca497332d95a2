import { TYPES } from "../../../policies/knowledge/type-tokens";
import { endpointAccess } from "../../../policies/support/eks";
import { UndecidableError } from "../../../policies/values";
import { PlanValue } from "../../plan/model";
import { Change } from "../../changes/change";
import { valueAt } from "../../changes/property-paths";
import { findingId, Finding } from "../finding";
import { isWorldCidr } from "../../../policies/knowledge/network-ports";
import { RiskRule } from "../risk-rule";

type Inputs = Readonly<Record<string, PlanValue>> | undefined;

/** For each type, a test that says (with evidence) whether the resource is reachable from the internet. */
const PUBLIC_WHEN: Readonly<Record<string, (inputs: Inputs) => string | undefined>> = {
  [TYPES.awsEksCluster]: (i) => eksPublic(TYPES.awsEksCluster, i),
  [TYPES.eksCluster]: (i) => eksPublic(TYPES.eksCluster, i),
  [TYPES.rdsInstance]: (i) => (i?.publiclyAccessible === true ? "publiclyAccessible: true" : undefined),
  [TYPES.rdsClusterInstance]: (i) => (i?.publiclyAccessible === true ? "publiclyAccessible: true" : undefined),
  [TYPES.mskCluster]: (i) => {
    const type = valueAt(i as PlanValue, "brokerNodeGroupInfo.connectivityInfo.publicAccess.type");
    return type === "SERVICE_PROVIDED_EIPS" ? "brokerNodeGroupInfo.connectivityInfo.publicAccess.type: SERVICE_PROVIDED_EIPS" : undefined;
  },
  [TYPES.s3BucketPublicAccessBlock]: (i) => {
    const off = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].filter((k) => i?.[k] === false);
    return off.length > 0 ? `${off.join(", ")}: false` : undefined;
  },
};

/** Read as the eks-public-endpoint-restricted policy reads it (AWS's defaults applied); an unknown setting is the unknown-values rule's. */
function eksPublic(type: string, inputs: Inputs): string | undefined {
  if (!inputs) return undefined;
  let access;
  try {
    access = endpointAccess({ type, name: "", props: inputs });
  } catch (error) {
    if (error instanceof UndecidableError) return undefined;
    throw error;
  }
  const world = access.publicAccess ? access.publicCidrs.filter(isWorldCidr) : [];
  if (world.length === 0) return undefined;
  return access.cidrsDefaulted ? "endpointPublicAccess (on unless set false) with no publicAccessCidrs: AWS defaults to 0.0.0.0/0" : `endpointPublicAccess: true, publicAccessCidrs: ${world.join(", ")}`;
}

/** A database, Kafka cluster, Kubernetes API or bucket becomes reachable from the internet. */
export const publicEndpoint: RiskRule = {
  id: "public-endpoint",
  category: "security-exposure",
  description: "An EKS API endpoint open to 0.0.0.0/0, a publicly accessible RDS instance, public MSK brokers or a disabled S3 public access block appears.",
  evaluate(context) {
    return context.changes.flatMap((change: Change): Finding[] => {
      const test = PUBLIC_WHEN[change.type];
      if (!test || change.op === "delete" || change.op === "same") return [];
      const now = test(change.newInputs);
      if (!now || test(change.oldInputs)) return [];
      return [
        {
          id: findingId("security-exposure", this.id, [change.urn]),
          category: "security-exposure",
          severity: "high",
          urns: [change.urn],
          title: `${change.op === "create" ? "Creating" : "Changing"} ${change.name} makes its ${change.type.split(":").pop()} endpoint reachable from the internet`,
          evidence: [now],
          recommendation: `Keep the endpoint private (VPC-only) and reach it through the VPC, a VPN or SSM; if it must be public, restrict it to known CIDRs.`,
          source: "rules",
        },
      ];
    });
  },
};
