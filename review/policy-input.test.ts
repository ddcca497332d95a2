import { TYPES } from "../policies/knowledge/type-tokens";
import { policyResourcesOf } from "./policy-input";
import { change } from "./testing/change-builder";

it("hands the engine's per-input dependencies to the policies, as policyResourcesFromPlan does for a plan", () => {
  const sg = "urn:pulumi:prod::icna::aws:ec2/securityGroup:SecurityGroup::postgres-sg";
  const cluster = "urn:pulumi:prod::icna::aws:eks/cluster:Cluster::blue";
  const rule = change("postgres-from-blue", TYPES.securityGroupIngressRule, {
    op: "create",
    newInputs: { securityGroupId: "[unknown]", referencedSecurityGroupId: "[unknown]" },
    dependencies: [sg, cluster],
    propertyDependencies: { securityGroupId: [sg], referencedSecurityGroupId: [cluster] },
  });
  expect(policyResourcesOf([rule])).toEqual([expect.objectContaining({ propertyDependencies: { securityGroupId: [sg], referencedSecurityGroupId: [cluster] } })]);
  expect(policyResourcesOf([{ ...rule, propertyDependencies: undefined }])[0]).not.toHaveProperty("propertyDependencies");
});
