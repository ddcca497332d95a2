import { cidrContains, cidrsOverlap, mustParseCidr } from "./cidr";
import { checkExplicitSubnets, defaultTierPrefixes, layoutSubnets, SubnetSpec } from "./subnet-layout";

const azs = (n: number) => Array.from({ length: n }, (_, i) => `eu-west-1${String.fromCharCode(97 + i)}`);

describe("layoutSubnets", () => {
  it("lays out a /16 over 3 AZs: /19 private, /24 public and isolated", () => {
    const layout = layoutSubnets("10.40.0.0/16", azs(3), defaultTierPrefixes(16)) as SubnetSpec[];
    expect(layout.filter((s) => s.tier === "private").map((s) => s.cidr)).toEqual(["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"]);
    expect(layout.filter((s) => s.tier === "public").map((s) => s.cidr)).toEqual(["10.40.96.0/24", "10.40.97.0/24", "10.40.98.0/24"]);
    expect(layout.filter((s) => s.tier === "isolated").map((s) => s.availabilityZone)).toEqual(azs(3));
  });

  // Property: for every VPC size and AZ count that fits, subnets are inside the VPC, pairwise disjoint, one per tier and AZ.
  it.each([16, 17, 18, 19, 20, 21, 22].flatMap((prefix) => [2, 3, 4, 6].map((n) => [prefix, n])))("packs /%i over %i AZs without overlap", (prefix, n) => {
    const vpc = `10.0.0.0/${prefix}`;
    const layout = layoutSubnets(vpc, azs(n), defaultTierPrefixes(prefix));
    if (typeof layout === "string") {
      expect(layout).toMatch(/need \d+ addresses but/);
      return;
    }
    expect(layout).toHaveLength(3 * n);
    const blocks = layout.map((s) => mustParseCidr(s.cidr));
    blocks.forEach((b, i) => {
      expect(cidrContains(mustParseCidr(vpc), b)).toBe(true);
      blocks.slice(i + 1).forEach((other) => expect(cidrsOverlap(b, other)).toBe(false));
    });
  });

  it("explains when the subnets cannot fit", () => {
    expect(layoutSubnets("10.0.0.0/24", azs(6), { private: 26, public: 27, isolated: 27 })).toMatch(/18 subnets need 768 addresses but 10.0.0.0\/24 has 256/);
  });
});

describe("checkExplicitSubnets", () => {
  it("accepts disjoint subnets inside the VPC", () => {
    expect(checkExplicitSubnets("10.0.0.0/16", { public: ["10.0.0.0/24"], private: ["10.0.32.0/19"], isolated: ["10.0.1.0/24"] })).toEqual([]);
  });
  it("reports overlaps and blocks outside the VPC with their index", () => {
    const problems = checkExplicitSubnets("10.0.0.0/16", { public: ["10.0.0.0/24", "10.1.0.0/24"], private: ["10.0.0.0/19"], isolated: [] });
    expect(problems).toEqual([
      { tier: "public", index: 1, message: "10.1.0.0/24 is outside the VPC block 10.0.0.0/16" },
      { tier: "private", index: 0, message: "10.0.0.0/19 overlaps public[0] 10.0.0.0/24" },
    ]);
  });
});
