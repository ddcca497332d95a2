import type { PlanResource } from "../../../review/plan/model";
import { evaluatePolicies } from "../../../policies/evaluate";
import { planFromSettings, planStack, PlannedStack } from "../../../review/plan/stack-plan";
import { shippedSettings, withEdit } from "../../../testing/stack-settings";
import { checkParity } from "./check-parity";
import type { ParityReport } from "./model";
import type { PolicyEvaluator } from "./policy-parity";

let prod: PlannedStack;
let dr: PlannedStack;
beforeAll(async () => {
  prod = await planStack("prod");
  dr = await planStack("dr");
});

/** A copy of the DR stack whose plan has one resource changed (or removed when `edit` returns undefined). */
function editDrPlan(
  type: string,
  name: string,
  edit: (resource: PlanResource) => PlanResource | undefined,
): PlannedStack {
  const resources = dr.plan.resources.flatMap((r) =>
    r.type === type && r.name === name
      ? [edit(structuredClone(r))].filter((x): x is PlanResource => x !== undefined)
      : [r],
  );
  expect(resources).not.toEqual(dr.plan.resources);
  return { config: dr.config, plan: { ...dr.plan, resources } };
}

const kinds = (report: ParityReport) =>
  report.unintended.map((f) => `${f.kind} ${f.resourceType} ${f.resourceName}${f.path ? ` ${f.path}` : ""}`);

describe("icna dr check on the shipped stacks", () => {
  it("passes: every difference between prod and dr is an intended one", () => {
    const report = checkParity(prod, dr);
    expect(kinds(report)).toEqual([]);
    expect(report.ok).toBe(true);
    const rules = new Set(report.intended.map((a) => a.rule));
    expect(rules).toEqual(
      new Set([
        "pilot-light-colour",
        "environment-tag",
        "sizes-and-counts",
        "backup-replication-on-primary",
        "data-source",
        "replication-source",
      ]),
    );
  });

  it("passes with ICNA's policy engine: no policy passes in prod and fails in dr", () => {
    const report = checkParity(prod, dr, { policyEvaluator: evaluatePolicies, today: "2026-11-29" });
    expect(report.unintended).toEqual([]);
    expect(report.policies).toMatchObject({ ran: true });
  });

  it("accepts the DR database as a read replica of prod's, inheriting its engine version and identity", () => {
    const accepted = checkParity(prod, dr).intended.filter(
      (a) => a.finding.resourceType === "aws:rds/instance:Instance",
    );
    expect(accepted.map((a) => `${a.rule} ${a.finding.path}`).sort()).toEqual(
      expect.arrayContaining([
        "data-source replicateSourceDb",
        "data-source engineVersion",
        "data-source username",
        "replication-source replicateSourceDb",
      ]),
    );
  });

  it("accepts the disabled green colour only because green is not prod's live colour", () => {
    const report = checkParity(prod, dr);
    const greenCluster = report.intended.find(
      (a) => a.finding.resourceType === "eks:index:Cluster" && a.finding.kind === "missing-component",
    );
    expect(greenCluster).toMatchObject({
      rule: "pilot-light-colour",
      finding: { kind: "missing-component", resourceName: "icna-{stack}-green" },
    });
  });

  it("lists every rule with its reason", () => {
    const report = checkParity(prod, dr);
    expect(report.rules.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "region",
        "stack-prefix",
        "sizes-and-counts",
        "pilot-light-colour",
        "data-source",
        "replication-source",
      ]),
    );
    expect(report.rules.every((r) => r.reason.length > 20)).toBe(true);
  });
});

describe("icna dr check catches", () => {
  it("a missing component", () => {
    const report = checkParity(
      prod,
      editDrPlan("aws:ec2/vpcEndpoint:VpcEndpoint", "icna-dr-sts", () => undefined),
    );
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual(["missing-component aws:ec2/vpcEndpoint:VpcEndpoint icna-{stack}-sts"]);
  });

  it("the primary's live colour disabled in DR (not pilot light: nothing left to fail over to)", async () => {
    const settings = withEdit(
      withEdit(shippedSettings("dr"), "icna:clusters", (c) => {
        (c.blue as Record<string, unknown>).enabled = false;
        (c.green as Record<string, unknown>).enabled = true;
        (c.green as Record<string, unknown>).adminRoleArns = ["arn:aws:iam::111122223333:role/platform-admin"];
      }),
      "icna:traffic",
      (t) => {
        t.live = "green";
        t.weights = { blue: 0, green: 100 };
      },
    );
    const report = checkParity(prod, await planFromSettings("dr", settings));
    expect(kinds(report)).toContain("missing-component eks:index:Cluster icna-{stack}-blue");
  });

  it("a Kubernetes version skew of an enabled colour, with its add-on versions", async () => {
    const settings = withEdit(shippedSettings("dr"), "icna:clusters", (c) => {
      (c.blue as Record<string, unknown>).kubernetesVersion = "1.34";
    });
    const report = checkParity(prod, await planFromSettings("dr", settings));
    expect(report.ok).toBe(false);
    const skew = report.unintended.filter((f) => f.kind === "version-skew");
    expect(skew).toContainEqual(
      expect.objectContaining({
        resourceType: "eks:index:Cluster",
        resourceName: "icna-{stack}-blue",
        path: "version",
        primary: "1.35",
        dr: "1.34",
      }),
    );
    expect(report.unintended.every((f) => f.kind === "version-skew")).toBe(true);
  });

  it("a Kubernetes version skew of a colour DR leaves disabled (it would be created with the wrong version)", async () => {
    const settings = withEdit(shippedSettings("dr"), "icna:clusters", (c) => {
      (c.green as Record<string, unknown>).kubernetesVersion = "1.33";
    });
    const report = checkParity(prod, await planFromSettings("dr", settings));
    expect(report.unintended).toEqual([
      expect.objectContaining({
        kind: "version-skew",
        path: "icna:clusters.green.kubernetesVersion",
        primary: "1.35",
        dr: "1.33",
      }),
    ]);
  });

  it("engine version skews (RDS engineVersion, MSK kafkaVersion)", async () => {
    const settings = withEdit(shippedSettings("dr"), "icna:data", (d) => {
      const postgres = d.postgres as Record<string, unknown>;
      postgres.engineVersion = "16";
      delete postgres.replicateSourceDb; // a replica inherits its source's version; a new database does not
      d.kafka = { ...(d.kafka as Record<string, unknown>), kafkaVersion: "3.8.x" };
    });
    const report = checkParity(prod, await planFromSettings("dr", settings));
    expect(report.ok).toBe(false);
    const skews = report.unintended
      .filter((f) => f.kind === "version-skew")
      .map((f) => `${f.resourceType} ${f.path} ${String(f.primary)}→${String(f.dr)}`);
    expect(skews).toEqual(
      expect.arrayContaining([
        "aws:rds/instance:Instance engineVersion 17→16",
        "aws:msk/cluster:Cluster kafkaVersion 3.9.x.kraft→3.8.x",
      ]),
    );
  });

  it("an IRSA trust policy that names the primary cluster's OIDC issuer", () => {
    const issuer = "oidc.eks.us-east-1.amazonaws.com/id/5C8E9D1A2B3F4E5D6C7B8A9F0E1D2C3B";
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: {
              [`${issuer}:sub`]: "system:serviceaccount:kube-system:ebs-csi-controller-sa",
              [`${issuer}:aud`]: "sts.amazonaws.com",
            },
          },
        },
      ],
    });
    const broken = editDrPlan("aws:iam/role:Role", "icna-dr-blue-ebs-csi", (r) => ({
      ...r,
      inputs: { ...r.inputs, assumeRolePolicy: trust },
    }));
    const report = checkParity(prod, broken);
    expect(report.ok).toBe(false);
    const reference = report.unintended.find((f) => f.kind === "primary-reference");
    expect(reference).toMatchObject({
      resourceType: "aws:iam/role:Role",
      resourceName: "icna-{stack}-blue-ebs-csi",
      path: "assumeRolePolicy",
    });
    expect(reference?.message).toContain("OIDC issuer");
  });

  it("a regional ARN of the primary region, but not a read replica's source (that is the replication)", () => {
    const broken = editDrPlan("eks:index:Cluster", "icna-dr-blue", (r) => ({
      ...r,
      inputs: {
        ...r.inputs,
        encryptionConfigKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      },
    }));
    const report = checkParity(prod, broken);
    expect(report.unintended.filter((f) => f.kind === "primary-reference").map((f) => f.path)).toEqual([
      "encryptionConfigKeyArn",
    ]);
    expect(report.intended.filter((a) => a.finding.kind === "primary-reference")).toEqual([
      expect.objectContaining({
        rule: "replication-source",
        finding: expect.objectContaining({ resourceType: "aws:rds/instance:Instance", path: "replicateSourceDb" }),
      }),
    ]);
  });

  it("a policy that passes in prod and fails in dr", () => {
    const privateEndpoint: PolicyEvaluator = (resources, stack) => ({
      rulesEvaluated: resources.length,
      violations: resources
        .filter((r) => r.type === "eks:index:Cluster" && r.props.endpointPublicAccess !== false)
        .map((r) => ({
          policy: "eks-public-endpoint-disabled",
          resourceType: r.type,
          resourceName: r.name,
          enforcementLevel: stack.kind === "dev" ? "advisory" : "mandatory",
          message: "the API endpoint is public",
        })),
    });
    expect(checkParity(prod, dr, { policyEvaluator: privateEndpoint }).ok).toBe(true);
    const broken = editDrPlan("eks:index:Cluster", "icna-dr-blue", (r) => ({
      ...r,
      inputs: { ...r.inputs, endpointPublicAccess: true },
    }));
    const report = checkParity(prod, broken, { policyEvaluator: privateEndpoint, today: "2026-11-29" });
    expect(report.unintended.filter((f) => f.kind === "policy-regression")).toEqual([
      expect.objectContaining({ resourceName: "icna-{stack}-blue", path: "eks-public-endpoint-disabled" }),
    ]);
    expect(report.policies).toEqual({
      ran: true,
      rulesEvaluated: prod.plan.resources.length + broken.plan.resources.length,
    });
  });
});
