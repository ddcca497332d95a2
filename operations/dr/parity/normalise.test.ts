import { diffValues } from "./compare-plans";
import { normaliseString, Normaliser } from "./normalise";

const prod: Normaliser = {
  vpcCidr: "10.40.0.0/16",
  substitutions: [
    { placeholder: "urn:pulumi:{stack}::", text: "urn:pulumi:prod::" },
    { placeholder: "app-{hostname}", text: "app.example.com" },
    { placeholder: "icna-{stack}", text: "icna-prod" },
    { placeholder: "{region}", text: "us-east-1" },
  ],
};
const dr: Normaliser = {
  vpcCidr: "10.41.0.0/16",
  substitutions: [
    { placeholder: "icna-{stack}", text: "icna-dr" },
    { placeholder: "{region}", text: "us-west-2" },
  ],
};

describe("normaliseString", () => {
  it("compares the same subnet layout in two VPC blocks as equal offsets", () => {
    expect(normaliseString("10.40.32.0/19", prod)).toBe("{vpc}+8192/19");
    expect(normaliseString("10.41.32.0/19", dr)).toBe("{vpc}+8192/19");
    expect(normaliseString("10.41.32.0/19", prod)).toBe("10.41.32.0/19");
    expect(normaliseString("0.0.0.0/0", prod)).toBe("0.0.0.0/0");
  });

  it("replaces the stack prefix, URN stack and region (AZ names included)", () => {
    expect(normaliseString("icna-prod-private-us-east-1b", prod)).toBe("icna-{stack}-private-{region}b");
    expect(normaliseString("icna-dr-private-us-west-2b", dr)).toBe("icna-{stack}-private-{region}b");
    expect(normaliseString("urn:pulumi:prod::icna::x::icna-prod", prod)).toBe(
      "urn:pulumi:{stack}::icna::x::icna-{stack}",
    );
  });
});

describe("diffValues", () => {
  it("reports leaf paths, whole arrays of different length, and absent keys", () => {
    expect(diffValues({ a: { b: 1, c: [1, 2] }, d: "x" }, { a: { b: 2, c: [1, 2, 3] }, e: true })).toEqual([
      ["a.b", 1, 2],
      ["a.c", [1, 2], [1, 2, 3]],
      ["d", "x", undefined],
      ["e", undefined, true],
    ]);
    expect(diffValues({ a: [{ w: 1 }] }, { a: [{ w: 1 }] })).toEqual([]);
  });
});
