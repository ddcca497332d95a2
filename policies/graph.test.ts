import { UNKNOWN } from "../review/plan/model";
import { ResourceGraph, typeChainOfUrn } from "./graph";
import { PolicyResource } from "./model";

const urn = (type: string, name: string, parents = "") => `urn:pulumi:prod::icna::${parents}${type}::${name}`;
const SG = "aws:ec2/securityGroup:SecurityGroup";
const sgA: PolicyResource = { type: SG, name: "a", urn: urn(SG, "a"), props: { id: "sg-0aaa" } };
const sgB: PolicyResource = { type: SG, name: "b", urn: urn(SG, "b"), props: {} };
const provider: PolicyResource = { type: "pulumi:providers:aws", name: "aws", urn: urn("pulumi:providers:aws", "aws"), props: {} };
const component: PolicyResource = { type: "eks:index:Cluster", name: "blue", urn: urn("eks:index:Cluster", "blue"), props: {} };
const child: PolicyResource = { type: SG, name: "blue-node", urn: urn(SG, "blue-node", "eks:index:Cluster$"), parent: component.urn, props: {} };

describe("the resource graph", () => {
  test("resolves references by URN, by known id and leaves foreign ids external", () => {
    const db: PolicyResource = { type: "aws:rds/instance:Instance", name: "db", urn: urn("aws:rds/instance:Instance", "db"), props: { vpcSecurityGroupIds: [sgB.urn, "sg-0aaa", "sg-0zzz"] } };
    const graph = new ResourceGraph([sgA, sgB, db]);
    expect(graph.references(db, "vpcSecurityGroupIds", { types: [SG] })).toEqual({ resources: [sgB, sgA], external: ["sg-0zzz"], unresolved: 0 });
  });

  test("traces unknown values through per-input dependencies first, the flat list only when allowed", () => {
    const rule = (extra: Partial<PolicyResource>): PolicyResource => ({ type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "r", props: { securityGroupId: UNKNOWN }, ...extra });
    const graph = new ResourceGraph([sgA, sgB]);
    expect(graph.references(rule({ propertyDependencies: { securityGroupId: [sgB.urn!] }, dependencies: [sgA.urn!, sgB.urn!] }), "securityGroupId", { types: [SG], viaDependencies: true }).resources).toEqual([sgB]);
    expect(graph.references(rule({ dependencies: [sgA.urn!] }), "securityGroupId", { types: [SG] })).toEqual({ resources: [], external: [], unresolved: 1 });
    expect(graph.references(rule({ dependencies: [sgA.urn!, sgB.urn!] }), "securityGroupId", { types: [SG], viaDependencies: true, exclude: [sgA] }).resources).toEqual([sgB]);
    // An engine that sends an empty per-input map has not recorded per-input dependencies.
    expect(graph.references(rule({ propertyDependencies: {}, dependencies: [sgB.urn!] }), "securityGroupId", { types: [SG], viaDependencies: true }).resources).toEqual([sgB]);
  });

  test("finds providers from `urn::id` references and ancestors from parent URNs", () => {
    const withProvider: PolicyResource = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: {}, provider: `${provider.urn}::04da6b54` };
    const graph = new ResourceGraph([provider, withProvider, component, child]);
    expect(graph.providerOf(withProvider)).toBe(provider);
    expect(graph.ancestors(child)).toEqual([component]);
    expect(graph.hasAncestorOfType(child, ["eks:index:Cluster"])).toBe(true);
    expect(typeChainOfUrn(child.urn!)).toEqual(["eks:index:Cluster", SG]);
    const orphan: PolicyResource = { ...child, urn: "x" };
    expect(new ResourceGraph([orphan]).hasAncestorOfType(orphan, ["eks:index:Cluster"])).toBe(true);
  });
});
