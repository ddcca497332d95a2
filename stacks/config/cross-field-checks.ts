import { isPrivateCidr, parseCidr } from "../../components/network/cidr";
import { checkExplicitSubnets, defaultTierPrefixes, layoutSubnets, SUBNET_TIERS } from "../../components/network/subnet-layout";
import { ConfigProblem } from "./config-error";
import { checkKubernetesVersion } from "./kubernetes-version-check";
import { COLOURS, NodeGroupInput, StackConfigInput } from "./schema";

/** Availability zones of the stack: explicit, or the region's first `azCount` letters. */
export function availabilityZonesOf(input: StackConfigInput): string[] {
  const count = input.network.azCount ?? input.network.availabilityZones?.length ?? 3;
  return input.network.availabilityZones ?? Array.from({ length: count }, (_, i) => `${input.region}${String.fromCharCode(97 + i)}`);
}

export function checkNetworkBlocks(input: StackConfigInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { network } = input;
  const vpc = parseCidr(network.cidr);
  if (typeof vpc === "string") return [{ path: "icna:network.cidr", message: vpc }];
  if (vpc.prefix < 16 || vpc.prefix > 24) problems.push({ path: "icna:network.cidr", message: `${network.cidr} is a /${vpc.prefix}; AWS VPC blocks are /16 to /28 and the platform needs room for pods`, allowed: "/16 to /24" });
  if (!isPrivateCidr(vpc)) problems.push({ path: "icna:network.cidr", message: `${network.cidr} is not a private (RFC 1918) range`, allowed: "inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16" });

  const azs = availabilityZonesOf(input);
  if (network.subnets) {
    let parsable = true;
    for (const tier of SUBNET_TIERS) {
      const list = network.subnets[tier];
      if (list.length !== azs.length) problems.push({ path: `icna:network.subnets.${tier}`, message: `has ${list.length} block(s) for ${azs.length} availability zones`, allowed: "one block per zone" });
      list.forEach((text, i) => {
        const parsed = parseCidr(text);
        if (typeof parsed === "string") {
          parsable = false;
          problems.push({ path: `icna:network.subnets.${tier}[${i}]`, message: parsed });
        }
      });
    }
    if (parsable) {
      for (const p of checkExplicitSubnets(network.cidr, network.subnets)) problems.push({ path: `icna:network.subnets.${p.tier}[${p.index}]`, message: p.message });
    }
  } else if (problems.length === 0) {
    const layout = layoutSubnets(network.cidr, azs, defaultTierPrefixes(vpc.prefix));
    if (typeof layout === "string") problems.push({ path: "icna:network.cidr", message: layout, allowed: "a larger block or fewer zones" });
  }
  return problems;
}

/** Explicit zone names must belong to the region and match azCount. */
export function checkAvailabilityZones(input: StackConfigInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { network } = input;
  const azs = availabilityZonesOf(input);
  if (network.availabilityZones) {
    if (network.azCount !== undefined && network.azCount !== azs.length) {
      problems.push({ path: "icna:network.availabilityZones", message: `lists ${azs.length} zones but azCount is ${network.azCount}`, allowed: "as many zones as azCount" });
    }
    azs.forEach((az, i) => {
      if (!new RegExp(`^${input.region}[a-z]$`).test(az)) problems.push({ path: `icna:network.availabilityZones[${i}]`, message: `"${az}" is not a zone of ${input.region}`, allowed: `${input.region}a, ${input.region}b, …` });
    });
    if (new Set(azs).size !== azs.length) problems.push({ path: "icna:network.availabilityZones", message: "lists a zone twice" });
  }

  return problems;
}

function checkNodeGroup(path: string, group: NodeGroupInput, isSystem: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (group.minSize > group.maxSize) problems.push({ path: `${path}.minSize`, message: `${group.minSize} is above maxSize ${group.maxSize}`, allowed: "minSize ≤ desiredSize ≤ maxSize" });
  if (group.desiredSize < group.minSize || group.desiredSize > group.maxSize) problems.push({ path: `${path}.desiredSize`, message: `${group.desiredSize} is outside ${group.minSize}–${group.maxSize}`, allowed: "minSize ≤ desiredSize ≤ maxSize" });
  if (isSystem && (group.capacityType ?? "ON_DEMAND") !== "ON_DEMAND") problems.push({ path: `${path}.capacityType`, message: "the system group runs cluster-critical add-ons and must not be interrupted", allowed: "ON_DEMAND" });
  if (isSystem && group.minSize < 2) problems.push({ path: `${path}.minSize`, message: `${group.minSize} node(s) cannot span two availability zones`, allowed: "≥ 2" });
  return problems;
}

export function checkClusters(input: StackConfigInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const production = input.environment !== "dev";
  for (const colour of COLOURS) {
    const cluster = input.clusters[colour];
    const base = `icna:clusters.${colour}`;
    problems.push(...checkKubernetesVersion(`${base}.kubernetesVersion`, cluster.kubernetesVersion));
    problems.push(...checkNodeGroup(`${base}.nodeGroups.system`, cluster.nodeGroups.system, true));
    problems.push(...checkNodeGroup(`${base}.nodeGroups.workload`, cluster.nodeGroups.workload, false));
    const endpoint = cluster.publicEndpoint;
    if (endpoint?.enabled) {
      if (production) problems.push({ path: `${base}.publicEndpoint.enabled`, message: `a ${input.environment} cluster keeps its API endpoint private`, allowed: "false (reach the API through the VPC, a VPN or SSM)" });
      const cidrs = endpoint.cidrs ?? [];
      if (cidrs.length === 0) problems.push({ path: `${base}.publicEndpoint.cidrs`, message: "a public endpoint needs the CIDRs allowed to reach it", allowed: "one or more office/VPN CIDRs such as 203.0.113.0/24" });
      cidrs.forEach((text, i) => {
        const parsed = parseCidr(text);
        if (typeof parsed === "string") problems.push({ path: `${base}.publicEndpoint.cidrs[${i}]`, message: parsed });
        else if (parsed.prefix === 0) problems.push({ path: `${base}.publicEndpoint.cidrs[${i}]`, message: `${text} opens the API to the whole internet`, allowed: "a specific range such as 203.0.113.0/24" });
      });
    }
  }
  return problems;
}

export function checkTraffic(input: StackConfigInput): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const { weights, live } = input.traffic;
  if (weights.blue === 0 && weights.green === 0) {
    problems.push({ path: "icna:traffic.weights", message: "blue and green are both 0; Route 53 then splits traffic evenly instead of sending none", allowed: "at least one weight above 0" });
  } else if (weights[live] === 0) {
    problems.push({ path: "icna:traffic.live", message: `the live colour ${live} has weight 0`, allowed: `the colour with traffic (${COLOURS.filter((c) => weights[c] > 0).join(" or ")}), or raise weights.${live}` });
  }
  for (const colour of COLOURS) {
    if (weights[colour] > 0 && input.clusters[colour].enabled === false) {
      problems.push({ path: `icna:traffic.weights.${colour}`, message: `sends traffic to the ${colour} cluster, which is disabled`, allowed: `0, or set clusters.${colour}.enabled to true` });
    }
  }
  return problems;
}

export function checkTags(input: StackConfigInput): ConfigProblem[] {
  return ["owner", "cost-center"]
    .filter((key) => !input.tags[key]?.trim())
    .map((key) => ({ path: `icna:tags.${key}`, message: "is required on every resource for ownership and cost allocation", allowed: "a non-empty string" }));
}

export function checkDr(input: StackConfigInput): ConfigProblem[] {
  if (input.dr && input.dr.region === input.region) {
    return [{ path: "icna:dr.region", message: `is the stack's own region ${input.region}; a disaster-recovery region must be another one`, allowed: "a different AWS region" }];
  }
  return [];
}
