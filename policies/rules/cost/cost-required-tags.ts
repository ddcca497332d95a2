import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { effectiveTags } from "../../support/tags";
import { TYPES } from "../../knowledge/type-tokens";
import { isUnknown } from "../../values";

/** Tags every billable resource carries, for ownership and cost allocation. */
export const REQUIRED_TAGS = ["owner", "environment", "cost-center"] as const;

/** The billable, taggable types the platform creates (remote components included: their tags flow to the AWS children). */
export const TAGGED_TYPES = [
  TYPES.eksCluster,
  TYPES.eksManagedNodeGroup,
  TYPES.awsEksCluster,
  TYPES.awsEksNodeGroup,
  TYPES.launchTemplate,
  TYPES.ebsVolume,
  TYPES.rdsInstance,
  TYPES.rdsCluster,
  TYPES.cacheReplicationGroup,
  TYPES.cacheCluster,
  TYPES.mskCluster,
  TYPES.vpc,
  TYPES.subnet,
  TYPES.natGateway,
  TYPES.eip,
  TYPES.vpcEndpoint,
  TYPES.securityGroup,
  TYPES.kmsKey,
  TYPES.logGroup,
  TYPES.flowLog,
  TYPES.s3Bucket,
  TYPES.s3BucketV2,
  TYPES.dynamodbTable,
  TYPES.loadBalancer,
  TYPES.secret,
  TYPES.iamRole,
];

const REMOTE_COMPONENTS = [TYPES.eksCluster, TYPES.eksManagedNodeGroup];

export const costRequiredTags: ResourceRule = {
  scope: "resource",
  name: "cost-required-tags",
  area: "cost",
  description: `Billable resources carry the ${REQUIRED_TAGS.join(", ")} tags (their own or the provider's defaultTags), and environment names the stack kind.`,
  severity: "medium",
  checkov: [],
  enforcement: LEVELS.production,
  resourceTypes: TAGGED_TYPES,
  remediation: "Set the tags once as the AWS provider's defaultTags (icna:tags in the stack config), or on the resource.",
  evaluate(resource, ctx) {
    // Children of the @pulumi/eks components get their tags from the component's `tags`, checked on the component.
    if (ctx.graph.hasAncestorOfType(resource, REMOTE_COMPONENTS)) return "not-applicable";
    const tags = effectiveTags(ctx.graph, resource);
    const missing = REQUIRED_TAGS.filter((key) => tags[key] === undefined || tags[key] === "");
    const findings = [];
    if (missing.length > 0) findings.push(violation(`${label(resource)} is missing the ${missing.join(", ")} tag${missing.length > 1 ? "s" : ""}: set ${missing.length > 1 ? "them" : "it"} on the resource or in the provider's defaultTags`));
    const environment = tags.environment;
    if (typeof environment === "string" && !isUnknown(environment) && environment !== "" && environment !== ctx.stack.kind && environment !== ctx.stack.name) {
      findings.push(violation(`${label(resource)} is tagged environment=${environment} in a ${ctx.stack.kind} stack: tag it environment=${ctx.stack.kind} so costs land on the right environment`));
    }
    return findings;
  },
};
