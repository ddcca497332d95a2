import { changesFromOfflinePlan } from "../../review/changes/from-offline-plan";
import { estimateCost } from "../../review/cost/estimate-cost";
import { OfflinePlan, PlanResource, SECRET } from "../../review/plan/model";
import { planStack } from "../../review/plan/stack-plan";
import { BenchSuite } from "../run";

const STACKS = ["dev", "prod", "dr"] as const;
const SERVICES: Record<string, string> = {
  "icna:components:KafkaCluster": "Kafka (MSK)",
  "icna:components:PostgresDatabase": "PostgreSQL (RDS)",
  "icna:components:RedisCache": "Redis (ElastiCache)",
  "icna:components:AppAccess": "App access",
};

/** The data tier's resources, each with the service component it belongs to. */
function dataTierResources(plan: OfflinePlan): { resource: PlanResource; service: string }[] {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const found: { resource: PlanResource; service: string }[] = [];
  for (const resource of plan.resources) {
    let service: string | undefined;
    let inDataTier = false;
    for (let at = resource.parent ? byUrn.get(resource.parent) : undefined; at; at = at.parent ? byUrn.get(at.parent) : undefined) {
      service ??= SERVICES[at.type];
      if (at.type === "icna:components:DataTier") inDataTier = true;
    }
    if (inDataTier && resource.custom) found.push({ resource, service: service ?? "Data tier" });
  }
  return found;
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 })}`;

/**
 * The data tier each shipped stack gets: how many resources, how many are protected or retained, how its
 * services are admitted, and what it costs per month at on-demand prices (review/cost price table).
 */
const suite: BenchSuite = {
  name: "data-tier",
  description: "Data tier of each shipped stack from its offline plan: resources, safeguards, exposure and monthly on-demand cost (advisor price table).",
  async run() {
    const footprint: string[] = [];
    const cost: string[] = [];
    for (const stack of STACKS) {
      const { config, plan } = await planStack(stack);
      const resources = dataTierResources(plan);
      const ingress = resources.filter(({ resource }) => resource.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
      const cidrRules = ingress.filter(({ resource }) => resource.inputs.cidrIpv4 !== undefined || resource.inputs.cidrIpv6 !== undefined).length;
      const secretInputs = resources.reduce((n, { resource }) => n + (JSON.stringify(resource.inputs).split(`"${SECRET}"`).length - 1), 0);
      footprint.push(
        `| ${stack} | ${resources.length} | ${resources.filter(({ resource }) => resource.protect).length} | ${resources.filter(({ resource }) => resource.retainOnDelete).length} | ${ingress.length} | ${cidrRules} | ${secretInputs} | ${resources.filter(({ resource }) => resource.type === "aws:kms/key:Key").length} |`,
      );

      const report = estimateCost(changesFromOfflinePlan({ resources: resources.map(({ resource }) => resource) }).changes, { region: config.region });
      const serviceOf = new Map(resources.map(({ resource, service }) => [resource.urn, service]));
      const totals = new Map<string, number>();
      for (const item of report.items) totals.set(serviceOf.get(item.urn) ?? "Data tier", (totals.get(serviceOf.get(item.urn) ?? "Data tier") ?? 0) + (item.after ?? 0));
      const basis = (type: string) => report.items.find((i) => i.type === type)?.basis ?? "—";
      cost.push(
        `| ${stack} | ${config.region} | ${usd(totals.get("Kafka (MSK)") ?? 0)} (${basis("aws:msk/cluster:Cluster")}) | ${usd(totals.get("PostgreSQL (RDS)") ?? 0)} (${basis("aws:rds/instance:Instance")}) | ${usd(totals.get("Redis (ElastiCache)") ?? 0)} (${basis("aws:elasticache/replicationGroup:ReplicationGroup")}) | ${usd(report.monthly.after)} | ${report.unpriced.length} |`,
      );
    }
    return [
      "### Footprint and safeguards",
      "",
      "| Stack | Resources | `protect` | `retainOnDelete` | Ingress rules | …from a CIDR | Secret inputs (`[secret]`) | CMKs |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...footprint,
      "",
      "### Monthly on-demand cost",
      "",
      "Each service's figure includes its CMK and secret. Unpriced: usage-based items (CloudWatch log groups, cross-region backup replication); data transfer and backup storage beyond the free allowance are not modelled.",
      "",
      "| Stack | Region | Kafka | PostgreSQL | Redis | Data tier total | Unpriced |",
      "|---|---|---|---|---|---:|---:|",
      ...cost,
      "",
    ].join("\n");
  },
};

export default suite;
