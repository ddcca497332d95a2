import { TYPES } from "../../policies/knowledge/type-tokens";
import { change, PROD } from "../testing/change-builder";
import { assessRisks } from "./assess-risks";
import { iamEscalation } from "./rules/iam-escalation";
import { unknownValues } from "./rules/unknown-values";

const cluster = change("blue", TYPES.eksCluster, { op: "create", newInputs: {} });
const irsaRole = (name: string) =>
  change(name, TYPES.iamRole, { op: "create", newInputs: { assumeRolePolicy: "[unknown]" }, dependencies: [cluster.urn], propertyDependencies: { assumeRolePolicy: [cluster.urn] } });

describe("unknowns computed from resources of the same plan", () => {
  it("fold into one low 'decided at deploy' note per kind, naming where each comes from", () => {
    const findings = assessRisks({ stack: PROD, changes: [cluster, irsaRole("blue-ebs-csi"), irsaRole("blue-karpenter")] }, [unknownValues]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "low", category: "uncertainty", title: expect.stringMatching(/^Decided at deploy: 2 IAM documents are computed from resources this plan creates/) });
    expect(findings[0].evidence).toEqual(["blue-ebs-csi assumeRolePolicy: from blue", "blue-karpenter assumeRolePolicy: from blue"]);
  });
  it("stay medium when the value comes from something outside the plan", () => {
    const outside = change("role", TYPES.iamRole, { op: "create", newInputs: { assumeRolePolicy: "[unknown]" }, propertyDependencies: { assumeRolePolicy: ["urn:pulumi:prod::other::aws:eks/cluster:Cluster::elsewhere"] } });
    const [finding] = assessRisks({ stack: PROD, changes: [outside] }, [unknownValues]);
    expect(finding).toMatchObject({ severity: "medium", title: expect.stringContaining("comes from outside this plan") });
  });
  it("stay medium when the format records no dependency for the input", () => {
    const silent = change("role", TYPES.iamRole, { op: "create", newInputs: { assumeRolePolicy: "[unknown]" }, dependencies: [cluster.urn], propertyDependencies: {} });
    expect(assessRisks({ stack: PROD, changes: [cluster, silent] }, [unknownValues])[0].severity).toBe("medium");
  });
});

describe("a document with one unknown ARN is judged on its shape", () => {
  const statement = (extra: object) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...extra }] });
  it("raises no uncertainty when only an ARN is unknown", () => {
    const trust = change("irsa", TYPES.iamRole, { op: "create", newInputs: { assumeRolePolicy: statement({ Principal: { Federated: "[unknown]" }, Action: "sts:AssumeRoleWithWebIdentity" }) } });
    const scoped = change("pass", TYPES.iamRolePolicy, { op: "create", newInputs: { policy: statement({ Action: "iam:PassRole", Resource: "[unknown]" }) } });
    expect(assessRisks({ stack: PROD, changes: [trust, scoped] }, [unknownValues, iamEscalation])).toEqual([]);
  });
  it("still finds what the known part grants", () => {
    const wide = change("wide", TYPES.iamRolePolicy, { op: "create", newInputs: { policy: statement({ Action: ["iam:PassRole", "s3:GetObject"], Resource: ["[unknown]", "*"] }) } });
    const findings = assessRisks({ stack: PROD, changes: [wide] }, [unknownValues, iamEscalation]);
    expect(findings.map((f) => [f.category, f.severity])).toEqual([["iam-escalation", "high"]]);
  });
  it("is uncertain when the unknown is the action itself", () => {
    const unknownAction = change("act", TYPES.iamRolePolicy, { op: "create", newInputs: { policy: statement({ Action: "[unknown]", Resource: "*" }) } });
    expect(assessRisks({ stack: PROD, changes: [unknownAction] }, [unknownValues])[0]).toMatchObject({ severity: "medium" });
  });
});
