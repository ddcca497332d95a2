import { cidrContains, cidrsOverlap, formatCidr, isPrivateCidr, mustParseCidr, parseCidr } from "./cidr";

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/16", 0x0a000000, 16],
    ["192.168.1.0/24", 0xc0a80100, 24],
    ["0.0.0.0/0", 0, 0],
    ["255.255.255.255/32", 0xffffffff, 32],
  ])("parses %s", (text, base, prefix) => {
    expect(parseCidr(text)).toEqual({ base, prefix });
    expect(formatCidr(mustParseCidr(text))).toBe(text);
  });

  it.each([
    ["10.0.0/16", /not an IPv4 CIDR/],
    ["10.0.0.0", /not an IPv4 CIDR/],
    ["10.0.0.256/24", /octet above 255/],
    ["10.0.0.0/33", /prefix length above 32/],
    ["10.0.1.0/16", /host bits set; the network address is 10.0.0.0\/16/],
  ])("rejects %s with a reason", (text, reason) => {
    const result = parseCidr(text);
    expect(typeof result).toBe("string");
    expect(result).toMatch(reason);
  });
});

describe("containment and overlap", () => {
  const c = mustParseCidr;
  it("contains nested blocks only", () => {
    expect(cidrContains(c("10.0.0.0/16"), c("10.0.4.0/24"))).toBe(true);
    expect(cidrContains(c("10.0.0.0/16"), c("10.1.0.0/24"))).toBe(false);
    expect(cidrContains(c("10.0.0.0/24"), c("10.0.0.0/16"))).toBe(false);
  });
  it("detects overlap symmetrically and treats adjacent blocks as disjoint", () => {
    expect(cidrsOverlap(c("10.0.0.0/24"), c("10.0.0.128/25"))).toBe(true);
    expect(cidrsOverlap(c("10.0.0.128/25"), c("10.0.0.0/24"))).toBe(true);
    expect(cidrsOverlap(c("10.0.0.0/25"), c("10.0.0.128/25"))).toBe(false);
  });
  it("knows the RFC 1918 ranges", () => {
    expect(isPrivateCidr(c("10.40.0.0/16"))).toBe(true);
    expect(isPrivateCidr(c("172.31.0.0/16"))).toBe(true);
    expect(isPrivateCidr(c("172.32.0.0/16"))).toBe(false);
    expect(isPrivateCidr(c("8.8.0.0/16"))).toBe(false);
  });
});
