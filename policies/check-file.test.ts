import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkResourcesFile, parseResources, PolicyInputError } from "./check-file";
import { checkReportToJson } from "./render-check";
import { resolveStack, stackKindFromName } from "./stack-kind";

function tempFile(content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-policy-"));
  const file = path.join(dir, "resources.json");
  fs.writeFileSync(file, content);
  return file;
}

const publicDatabase = { type: "aws:rds/instance:Instance", name: "db", props: { engine: "postgres", publiclyAccessible: true, storageEncrypted: true } };

describe("stack kinds", () => {
  test.each([
    ["prod", "prod"],
    ["dev", "dev"],
    ["dr", "dr"],
    ["prod-eu", "prod"],
    ["alice-dev", "dev"],
    ["dr-us-west-2", "dr"],
    ["production", "prod"],
    ["staging", undefined],
    ["dev-to-prod", undefined],
  ])("%s → %s", (name, kind) => {
    expect(stackKindFromName(name)).toBe(kind);
  });

  test("an explicit kind wins, an unknown name asks for one, no stack means prod", () => {
    expect(resolveStack({ stack: "staging", kind: "dev" })).toEqual({ name: "staging", kind: "dev" });
    expect(resolveStack({})).toEqual({ name: "prod", kind: "prod" });
    expect(() => resolveStack({ stack: "staging" })).toThrow(/cannot tell whether stack "staging" is dev, prod or dr.*--kind/);
    expect(() => resolveStack({ kind: "qa" })).toThrow('--kind must be one of dev, prod, dr, not "qa"');
  });
});

describe("reading a resources file", () => {
  test("accepts an array of {type, name, props} and an icna plan's resources with inputs", () => {
    expect(parseResources(JSON.stringify([publicDatabase]), "r.json")).toEqual([publicDatabase]);
    const plan = { stack: "prod", resources: [{ urn: "urn:pulumi:prod::icna::aws:kms/key:Key::k", type: "aws:kms/key:Key", name: "k", inputs: { enableKeyRotation: true }, protect: true, parent: null, dependencies: [] }] };
    expect(parseResources(JSON.stringify(plan), "plan.json")).toEqual([{ urn: plan.resources[0].urn, type: "aws:kms/key:Key", name: "k", props: { enableKeyRotation: true }, protect: true, dependencies: [] }]);
  });

  test("names the line and column of a JSON syntax error", () => {
    expect(() => parseResources('[\n  {"type": "x",}\n]', "r.json")).toThrow(/^r\.json:2:16: not valid JSON/);
  });

  test("lists every bad entry with its field and the fix", () => {
    const text = JSON.stringify([{ type: "rds", name: "a", props: {} }, { type: "aws:rds/instance:Instance", props: [] }]);
    let error: unknown;
    try {
      parseResources(text, "r.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyInputError);
    const message = (error as Error).message;
    expect(message).toContain("r.json: 3 problems");
    expect(message).toContain('[0].type: is not a Pulumi type token such as "aws:rds/instance:Instance"');
    expect(message).toContain("[1].name: is required");
    expect(message).toContain("[1].props: must be an object of the resource's inputs");
  });

  test("rejects JSON that is neither an array nor a plan", () => {
    expect(() => parseResources('{"type": "aws:kms/key:Key"}', "r.json")).toThrow('r.json: expected a JSON array of {"type", "name", "props"} objects');
  });
});

describe("checking a resources file", () => {
  test("reports the public database as a mandatory violation and blocks", async () => {
    const report = await checkResourcesFile({ resources: tempFile(JSON.stringify([publicDatabase])), stack: "dev" });
    expect(report.blocked).toBe(true);
    const json = checkReportToJson(report) as { violations: Record<string, unknown>[] };
    expect(json.violations).toContainEqual(
      expect.objectContaining({ policy: "rds-not-public", resourceType: "aws:rds/instance:Instance", resourceName: "db", enforcementLevel: "mandatory", severity: "critical", message: expect.stringContaining("publiclyAccessible: false") }),
    );
  });

  test("the same advisory finding does not block", async () => {
    const noTags = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } };
    const report = await checkResourcesFile({ resources: tempFile(JSON.stringify([noTags])), stack: "dev" });
    expect(report.violations.map((v) => [v.policy, v.enforcementLevel])).toEqual([
      ["cost-required-tags", "advisory"],
      ["vpc-flow-logs", "advisory"],
    ]);
    expect(report.blocked).toBe(false);
  });

  test("an unknown value is undecided, not a violation", async () => {
    const computed = { ...publicDatabase, props: { ...publicDatabase.props, publiclyAccessible: "[unknown]" } };
    const report = await checkResourcesFile({ resources: tempFile(JSON.stringify([computed])), stack: "prod" });
    expect(report.violations.filter((v) => v.policy === "rds-not-public")).toEqual([]);
    expect(report.undecided).toContainEqual(expect.objectContaining({ policy: "rds-not-public", resourceName: "db" }));
  });

  test("a missing file is named", async () => {
    await expect(checkResourcesFile({ resources: "/nonexistent/resources.json" })).rejects.toThrow("/nonexistent/resources.json: no such file");
  });
});
