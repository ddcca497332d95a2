import { cidrContains, cidrSize, cidrsOverlap, formatCidr, Ipv4Cidr, mustParseCidr } from "./cidr";

/** The three subnet tiers of the platform network. */
export type SubnetTier = "public" | "private" | "isolated";
export const SUBNET_TIERS: readonly SubnetTier[] = ["public", "private", "isolated"];

/** Prefix lengths of each tier's per-AZ subnet. */
export type TierPrefixes = Record<SubnetTier, number>;

/** One planned subnet: a tier in one availability zone. */
export interface SubnetSpec {
  readonly tier: SubnetTier;
  readonly availabilityZone: string;
  readonly cidr: string;
}

/**
 * Default per-AZ prefix lengths for a VPC: private subnets get the most room (pods take VPC IPs with
 * the VPC CNI), public and isolated subnets are small.
 */
export function defaultTierPrefixes(vpcPrefix: number): TierPrefixes {
  return { private: Math.min(vpcPrefix + 3, 28), public: Math.min(vpcPrefix + 8, 28), isolated: Math.min(vpcPrefix + 8, 28) };
}

/**
 * Packs one subnet per tier and AZ into the VPC block, largest first so every block stays aligned.
 * Returns the specs in tier order, then AZ order, or a reason when they do not fit.
 */
export function layoutSubnets(vpcCidr: string, availabilityZones: readonly string[], prefixes: TierPrefixes): SubnetSpec[] | string {
  const vpc = mustParseCidr(vpcCidr);
  const requests = SUBNET_TIERS.flatMap((tier) => availabilityZones.map((availabilityZone) => ({ tier, availabilityZone, prefix: prefixes[tier] })));
  const packingOrder = [...requests].sort((a, b) => a.prefix - b.prefix);
  const placed = new Map<string, string>();
  let cursor = vpc.base;
  for (const request of packingOrder) {
    if (request.prefix < vpc.prefix) {
      return `a /${request.prefix} ${request.tier} subnet cannot fit in the /${vpc.prefix} VPC`;
    }
    const size = 2 ** (32 - request.prefix);
    const aligned = Math.ceil(cursor / size) * size;
    const block: Ipv4Cidr = { base: aligned, prefix: request.prefix };
    if (!cidrContains(vpc, block)) {
      const needed = requests.reduce((sum, r) => sum + 2 ** (32 - r.prefix), 0);
      return `${requests.length} subnets need ${needed} addresses but ${formatCidr(vpc)} has ${cidrSize(vpc)}`;
    }
    placed.set(`${request.tier}/${request.availabilityZone}`, formatCidr(block));
    cursor = aligned + size;
  }
  return requests.map(({ tier, availabilityZone }) => ({ tier, availabilityZone, cidr: placed.get(`${tier}/${availabilityZone}`) as string }));
}

/** A problem found in an explicit subnet list, with the index it concerns. */
export interface SubnetProblem {
  readonly tier: SubnetTier;
  readonly index: number;
  readonly message: string;
}

/** Checks explicitly configured subnets: inside the VPC and no two overlapping. CIDRs must already parse. */
export function checkExplicitSubnets(vpcCidr: string, subnets: Record<SubnetTier, readonly string[]>): SubnetProblem[] {
  const vpc = mustParseCidr(vpcCidr);
  const problems: SubnetProblem[] = [];
  const seen: { tier: SubnetTier; index: number; cidr: Ipv4Cidr; text: string }[] = [];
  for (const tier of SUBNET_TIERS) {
    subnets[tier].forEach((text, index) => {
      const cidr = mustParseCidr(text);
      if (!cidrContains(vpc, cidr)) {
        problems.push({ tier, index, message: `${text} is outside the VPC block ${vpcCidr}` });
      }
      const clash = seen.find((other) => cidrsOverlap(other.cidr, cidr));
      if (clash) {
        problems.push({ tier, index, message: `${text} overlaps ${clash.tier}[${clash.index}] ${clash.text}` });
      }
      seen.push({ tier, index, cidr, text });
    });
  }
  return problems;
}
