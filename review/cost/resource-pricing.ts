import { TYPES } from "../../policies/knowledge/type-tokens";
import { PlanValue, UNKNOWN } from "../plan/model";
import { supportStatus } from "../../stacks/config/kubernetes-versions";
import { valueAt } from "../changes/property-paths";
import { RegionPrices } from "./price-table";

/** Usage the list prices need but a preview cannot know; reports print them. */
export interface CostAssumptions {
  /** GB processed per NAT gateway per month. @default 500 */
  readonly natGatewayGbPerMonth: number;
  /** LCUs per load balancer, averaged over the month. @default 1 */
  readonly loadBalancerCapacityUnits: number;
  /** ISO date that decides standard or extended EKS support. @default today (UTC) */
  readonly onDate: string;
}

export const DEFAULT_ASSUMPTIONS: Omit<CostAssumptions, "onDate"> = { natGatewayGbPerMonth: 500, loadBalancerCapacityUnits: 1 };

/** What pricing one resource gave. */
export type ResourcePrice =
  | { readonly kind: "priced"; readonly monthly: number; readonly basis: string }
  | { readonly kind: "free" }
  | { readonly kind: "unpriced"; readonly reason: string };

type Inputs = Readonly<Record<string, PlanValue>>;
interface PricingContext {
  readonly prices: RegionPrices;
  readonly hours: number;
  readonly assumptions: CostAssumptions;
}
type Pricer = (inputs: Inputs, ctx: PricingContext) => ResourcePrice;

class Unknown extends Error {}

/** A number input; unknown or missing values stop pricing with a reason instead of a guess. */
function num(inputs: Inputs, path: string, fallback?: number): number {
  const value = valueAt(inputs as PlanValue, path);
  if (typeof value === "number") return value;
  if (value === UNKNOWN) throw new Unknown(`${path} is unknown until deploy`);
  if (value === undefined || value === null) {
    if (fallback !== undefined) return fallback;
    throw new Unknown(`${path} is not set`);
  }
  throw new Unknown(`${path} is ${JSON.stringify(value)}, not a number`);
}
function str(inputs: Inputs, path: string, fallback?: string): string {
  const value = valueAt(inputs as PlanValue, path);
  if (typeof value === "string" && value !== UNKNOWN) return value;
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  throw new Unknown(value === UNKNOWN ? `${path} is unknown until deploy` : `${path} is not set`);
}
function rate(table: Readonly<Record<string, number>>, key: string, what: string): number {
  const price = table[key];
  if (price === undefined) throw new Unknown(`no ${what} price for ${key} in the price table`);
  return price;
}
const money = (n: number) => `$${n.toFixed(4).replace(/0+$/, "").replace(/\.$/, "")}`;

const eksControlPlane: Pricer = (inputs, { prices, hours, assumptions }) => {
  const version = valueAt(inputs as PlanValue, "version");
  const status = typeof version === "string" && version !== UNKNOWN ? supportStatus(version, assumptions.onDate) : "unknown";
  const extended = status === "extended";
  const hourly = extended ? prices.eksExtendedSupportHourly : prices.eksControlPlaneHourly;
  return { kind: "priced", monthly: hourly * hours, basis: `EKS control plane ${money(hourly)}/h${extended ? ` (Kubernetes ${String(version)} is in extended support on ${assumptions.onDate})` : status === "unknown" ? " (version unknown: standard support assumed)" : ""}` };
};

const nodeGroup: Pricer = (inputs, { prices, hours }) => {
  if (str(inputs, "capacityType", "ON_DEMAND") === "SPOT") return { kind: "unpriced", reason: "Spot capacity: its price moves hourly" };
  const types = valueAt(inputs as PlanValue, "instanceTypes");
  const instanceType = Array.isArray(types) && typeof types[0] === "string" ? types[0] : str(inputs, "instanceType");
  if (instanceType === UNKNOWN) throw new Unknown("instanceTypes is unknown until deploy");
  const nodes = num(inputs, "scalingConfig.desiredSize");
  const hourly = rate(prices.ec2Hourly, instanceType, "EC2");
  const disk = typeof inputs.diskSize === "number" ? inputs.diskSize : 0;
  const monthly = nodes * (hourly * hours + disk * prices.ebsGp3GbMonth);
  return { kind: "priced", monthly, basis: `${nodes} × ${instanceType} at ${money(hourly)}/h${disk ? ` + ${disk} GiB gp3 each` : ""}` };
};

const natGateway: Pricer = (_inputs, { prices, hours, assumptions }) => ({
  kind: "priced",
  monthly: prices.natGatewayHourly * hours + prices.natGatewayPerGb * assumptions.natGatewayGbPerMonth,
  basis: `NAT gateway ${money(prices.natGatewayHourly)}/h + ${assumptions.natGatewayGbPerMonth} GB at ${money(prices.natGatewayPerGb)}/GB (assumed traffic)`,
});

const rdsInstance: Pricer = (inputs, { prices, hours }) => {
  const engine = str(inputs, "engine", "postgres");
  if (engine !== "postgres") return { kind: "unpriced", reason: `engine ${engine} is not in the price table (PostgreSQL only)` };
  const instanceClass = str(inputs, "instanceClass");
  const copies = inputs.multiAz === true ? 2 : 1;
  const storageType = str(inputs, "storageType", "gp3");
  if (storageType !== "gp3" && storageType !== "gp2") return { kind: "unpriced", reason: `${storageType} storage is not in the price table` };
  const storage = num(inputs, "allocatedStorage");
  const hourly = rate(prices.rdsPostgresHourly, instanceClass, "RDS PostgreSQL");
  return { kind: "priced", monthly: copies * (hourly * hours + storage * prices.rdsGp3GbMonth), basis: `${instanceClass} at ${money(hourly)}/h + ${storage} GB gp3${copies === 2 ? ", Multi-AZ (×2)" : ""}` };
};

const cacheReplicationGroup: Pricer = (inputs, { prices, hours }) => {
  const nodeType = str(inputs, "nodeType");
  const nodes = typeof inputs.numCacheClusters === "number" ? inputs.numCacheClusters : num(inputs, "numNodeGroups", 1) * (num(inputs, "replicasPerNodeGroup", 0) + 1);
  const hourly = rate(prices.elasticacheHourly, nodeType, "ElastiCache");
  return { kind: "priced", monthly: nodes * hourly * hours, basis: `${nodes} × ${nodeType} at ${money(hourly)}/h` };
};

const cacheCluster: Pricer = (inputs, { prices, hours }) => {
  const nodeType = str(inputs, "nodeType");
  const nodes = num(inputs, "numCacheNodes", 1);
  const hourly = rate(prices.elasticacheHourly, nodeType, "ElastiCache");
  return { kind: "priced", monthly: nodes * hourly * hours, basis: `${nodes} × ${nodeType} at ${money(hourly)}/h` };
};

const mskCluster: Pricer = (inputs, { prices, hours }) => {
  const brokers = num(inputs, "numberOfBrokerNodes");
  const instanceType = str(inputs, "brokerNodeGroupInfo.instanceType");
  const volume = num(inputs, "brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize", 1000);
  const hourly = rate(prices.mskBrokerHourly, instanceType, "MSK broker");
  return { kind: "priced", monthly: brokers * (hourly * hours + volume * prices.mskStorageGbMonth), basis: `${brokers} × ${instanceType} at ${money(hourly)}/h + ${volume} GB each` };
};

const loadBalancer: Pricer = (inputs, { prices, hours, assumptions }) => {
  const type = str(inputs, "loadBalancerType", "application");
  if (type !== "application" && type !== "network") return { kind: "unpriced", reason: `${type} load balancers are not in the price table` };
  const hourly = type === "application" ? prices.albHourly : prices.nlbHourly;
  const lcu = type === "application" ? prices.albLcuHourly : prices.nlbLcuHourly;
  return { kind: "priced", monthly: (hourly + lcu * assumptions.loadBalancerCapacityUnits) * hours, basis: `${type} LB ${money(hourly)}/h + ${assumptions.loadBalancerCapacityUnits} LCU (assumed)` };
};

const interfaceEndpoint: Pricer = (inputs, { prices, hours }) => {
  if (str(inputs, "vpcEndpointType", "Gateway") !== "Interface") return { kind: "free" };
  const subnets = valueAt(inputs as PlanValue, "subnetIds");
  if (!Array.isArray(subnets)) throw new Unknown("subnetIds is unknown until deploy");
  return { kind: "priced", monthly: subnets.length * prices.interfaceEndpointHourlyPerAz * hours, basis: `interface endpoint in ${subnets.length} AZ at ${money(prices.interfaceEndpointHourlyPerAz)}/h each` };
};

const flat = (monthly: (p: RegionPrices, hours: number) => number, basis: string): Pricer => (_i, { prices, hours }) => ({ kind: "priced", monthly: monthly(prices, hours), basis });

/** How each priced type is priced. */
export const PRICERS: Readonly<Record<string, Pricer>> = {
  [TYPES.awsEksCluster]: eksControlPlane,
  [TYPES.eksCluster]: eksControlPlane,
  [TYPES.awsEksNodeGroup]: nodeGroup,
  [TYPES.eksManagedNodeGroup]: nodeGroup,
  [TYPES.natGateway]: natGateway,
  [TYPES.eip]: flat((p, h) => p.publicIpv4Hourly * h, "public IPv4 address"),
  [TYPES.vpcEndpoint]: interfaceEndpoint,
  [TYPES.rdsInstance]: rdsInstance,
  [TYPES.cacheReplicationGroup]: cacheReplicationGroup,
  [TYPES.cacheCluster]: cacheCluster,
  [TYPES.mskCluster]: mskCluster,
  [TYPES.loadBalancer]: loadBalancer,
  [TYPES.albLoadBalancer]: loadBalancer,
  [TYPES.kmsKey]: flat((p) => p.kmsKeyMonthly, "KMS customer managed key"),
  [TYPES.secret]: flat((p) => p.secretMonthly, "Secrets Manager secret"),
};

/** Types that cost nothing by themselves (networking plumbing, IAM, Kubernetes objects, Pulumi internals). */
const FREE_TYPE = /^(pulumi:|kubernetes:|random:|aws:iam\/|aws:ec2\/(vpc|subnet|routeTable|routeTableAssociation|route|internetGateway|securityGroup|securityGroupRule|defaultSecurityGroup|launchTemplate|mainRouteTableAssociation):|aws:vpc\/securityGroup(In|E)gressRule:|aws:rds\/(subnetGroup|parameterGroup|clusterParameterGroup):|aws:elasticache\/(subnetGroup|parameterGroup):|aws:msk\/configuration:|aws:kms\/alias:|aws:eks\/(addon|accessEntry|accessPolicyAssociation|podIdentityAssociation):|aws:secretsmanager\/secretVersion:|aws:route53\/record:|aws:s3\/bucketPublicAccessBlock:|aws:cloudwatch\/event(Rule|Target):|aws:sqs\/queuePolicy:)/;

/** Types billed by volume (GB ingested, requests, copies), not by existing: a preview cannot price them. */
const USAGE_BASED = /^aws:(cloudwatch\/logGroup|ec2\/flowLog|sqs\/queue|rds\/instanceAutomatedBackupsReplication|s3\/bucket|s3\/bucketV2|ecr\/repository|cloudwatch\/metricAlarm|sns\/topic|lambda\/function):/;

/** Prices one resource from its inputs; a remote or local component is free (its children are priced). */
export function priceResource(type: string, inputs: Inputs | undefined, custom: boolean, prices: RegionPrices, hours: number, assumptions: CostAssumptions): ResourcePrice {
  const pricer = PRICERS[type];
  if (pricer) {
    if (!inputs) return { kind: "unpriced", reason: "its inputs are not in the preview" };
    try {
      return pricer(inputs, { prices, hours, assumptions });
    } catch (error) {
      if (error instanceof Unknown) return { kind: "unpriced", reason: error.message };
      throw error;
    }
  }
  if (!custom || FREE_TYPE.test(type)) return { kind: "free" };
  if (USAGE_BASED.test(type)) return { kind: "unpriced", reason: "usage-based (billed by volume or requests, which a preview cannot know)" };
  return { kind: "unpriced", reason: "type not in the price table" };
}
