import { defaultTierPrefixes, layoutSubnets, SubnetSpec, SUBNET_TIERS } from "../../components/network/subnet-layout";
import { mustParseCidr } from "../../components/network/cidr";
import { ConfigError, ConfigProblem } from "./config-error";
import { availabilityZonesOf, checkAvailabilityZones, checkClusters, checkDr, checkNetworkBlocks, checkTags, checkTraffic } from "./cross-field-checks";
import { checkDataTier, DataTierContext, resolveDataTier } from "./data-tier-schema";
import { checkRuntime, resolveRuntime } from "./runtime-schema";
import { configPath, issuesToProblems } from "./format-issues";
import { isProductionEnvironment } from "./environment";
import { COLOURS, NodeGroupInput, stackConfigSchema, StackConfigInput } from "./schema";
import { ClusterConfig, NodeGroupConfig, StackConfig } from "./stack-config";

/** The project name in Pulumi.yaml: the namespace of every ICNA config key. */
export const CONFIG_NAMESPACE = "icna";
export const DEFAULT_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "sts", "logs"];

type Section = keyof typeof stackConfigSchema.shape;

/** Each cross-field check runs once the sections it reads are individually valid, so all problems surface in one run. */
const CROSS_FIELD_CHECKS: { sections: Section[]; check: (input: StackConfigInput) => ConfigProblem[] }[] = [
  { sections: ["network"], check: checkNetworkBlocks },
  { sections: ["region", "network"], check: checkAvailabilityZones },
  { sections: ["environment", "clusters"], check: checkClusters },
  { sections: ["traffic", "clusters"], check: checkTraffic },
  { sections: ["tags"], check: checkTags },
  { sections: ["region", "dr"], check: checkDr },
  { sections: ["environment", "runtime"], check: checkRuntime },
  { sections: ["environment", "region", "network", "dr", "data"], check: (input) => checkDataTier(input.data, dataTierContext(input)) },
];

function dataTierContext(input: StackConfigInput): DataTierContext {
  return { environment: input.environment, region: input.region, availabilityZoneCount: availabilityZonesOf(input).length, drRegion: input.dr?.region };
}

/** Structured values arrive as JSON text; scalars stay text (an account id like 012345678901 must keep its zero). */
function parseValue(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Turns Pulumi's flat config map (`aws:region`, `icna:network` as JSON text…) into the schema's input shape. */
export function rawSettings(values: Readonly<Record<string, string>>): { raw: Record<string, unknown>; problems: ConfigProblem[] } {
  const raw: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  if (values["aws:region"] !== undefined) raw.region = values["aws:region"];
  for (const [key, text] of Object.entries(values)) {
    if (!key.startsWith(`${CONFIG_NAMESPACE}:`)) continue;
    const name = key.slice(CONFIG_NAMESPACE.length + 1);
    if (name === "region") {
      problems.push({ path: key, message: "the region is the AWS provider's setting", allowed: "aws:region" });
      continue;
    }
    raw[name] = parseValue(text);
  }
  return { raw, problems };
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: unknown = stackConfigSchema;
  for (const key of path) {
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    node = shape?.[String(key)];
    while (node && typeof node === "object" && "unwrap" in node && typeof (node as { unwrap: unknown }).unwrap === "function") {
      node = (node as { unwrap: () => unknown }).unwrap();
    }
  }
  const shape = (node as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  return Object.keys(shape).map((k) => (path.length === 0 ? configPath([k]) : k));
}

/** Validates settings and reports every problem at once; returns the schema's typed input. */
/** Physical names are `icna-<stack>-<part>`; the tightest AWS limit is ElastiCache's 40-character replication group id. */
export const STACK_NAME = /^[a-z][a-z0-9-]{0,27}[a-z0-9]$/;

export function validateSettings(stack: string, values: Readonly<Record<string, string>>): StackConfigInput {
  const { raw, problems } = rawSettings(values);
  if (!STACK_NAME.test(stack)) {
    problems.push({ path: "stack name", message: `"${stack}" cannot prefix AWS physical names (icna-<stack>-…)`, allowed: "2–29 characters: lower-case letters, digits and hyphens, starting with a letter" });
  }
  const parsed = stackConfigSchema.safeParse(raw);
  if (parsed.success) {
    problems.push(...CROSS_FIELD_CHECKS.flatMap(({ check }) => check(parsed.data)));
  } else {
    problems.push(...issuesToProblems(parsed.error.issues, raw, knownKeys));
    const shape = stackConfigSchema.shape;
    const valid = (section: Section) => shape[section].safeParse(raw[section]).success && (raw[section] !== undefined || section === "dr");
    for (const { sections, check } of CROSS_FIELD_CHECKS) {
      if (sections.every(valid)) problems.push(...check(raw as StackConfigInput));
    }
  }
  if (problems.length > 0) throw new ConfigError(stack, problems);
  return parsed.data as StackConfigInput;
}

function resolveNodeGroup(group: NodeGroupInput): NodeGroupConfig {
  return { ...group, capacityType: group.capacityType ?? "ON_DEMAND", diskSizeGiB: group.diskSizeGiB ?? 50, labels: group.labels ?? {} };
}

function resolveSubnets(input: StackConfigInput, azs: string[]): SubnetSpec[] {
  const explicit = input.network.subnets;
  if (explicit) return SUBNET_TIERS.flatMap((tier) => explicit[tier].map((cidr, i) => ({ tier, availabilityZone: azs[i], cidr })));
  const layout = layoutSubnets(input.network.cidr, azs, defaultTierPrefixes(mustParseCidr(input.network.cidr).prefix));
  if (typeof layout === "string") throw new Error(`subnet layout failed after validation: ${layout}`);
  return layout;
}

/** Applies every default to validated settings. */
export function resolveStackConfig(stack: string, input: StackConfigInput): StackConfig {
  const isProduction = isProductionEnvironment(input.environment);
  const azs = availabilityZonesOf(input);
  const clusters = Object.fromEntries(
    COLOURS.map((colour): [string, ClusterConfig] => {
      const c = input.clusters[colour];
      return [
        colour,
        {
          enabled: c.enabled ?? true,
          kubernetesVersion: c.kubernetesVersion,
          publicEndpoint: { enabled: c.publicEndpoint?.enabled ?? false, cidrs: c.publicEndpoint?.cidrs ?? [] },
          adminRoleArns: c.adminRoleArns ?? [],
          nodeGroups: { system: resolveNodeGroup(c.nodeGroups.system), workload: resolveNodeGroup(c.nodeGroups.workload) },
          addonVersions: c.addonVersions ?? {},
        },
      ];
    }),
  ) as StackConfig["clusters"];
  return {
    stack,
    namePrefix: `icna-${stack}`,
    region: input.region,
    accountId: input.accountId,
    environment: input.environment,
    isProduction,
    tags: { ...input.tags, environment: input.environment, "managed-by": "pulumi" },
    network: {
      cidr: input.network.cidr,
      availabilityZones: azs,
      natGateways: input.network.natGateways ?? (isProduction ? "perAz" : "single"),
      subnets: resolveSubnets(input, azs),
      interfaceEndpoints: input.network.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS,
      flowLogRetentionDays: input.network.flowLogRetentionDays ?? (isProduction ? 90 : 30),
    },
    clusters,
    traffic: { ...input.traffic, ttlSeconds: input.traffic.ttlSeconds ?? 60 },
    dr: input.dr,
    data: resolveDataTier(input.data, dataTierContext(input)),
    runtime: resolveRuntime(input.runtime),
  };
}

/** Validates and resolves a stack's flat Pulumi config map; throws ConfigError listing every problem. */
export function loadStackConfig(stack: string, values: Readonly<Record<string, string>>): StackConfig {
  return resolveStackConfig(stack, validateSettings(stack, values));
}
