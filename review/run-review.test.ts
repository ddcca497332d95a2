import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlanResource } from "./plan/model";
import { PreviewInputError } from "./changes/preview-input-error";
import { readPlanFile, reviewOfflinePlan, reviewPreviewFile } from "./run-review";
import { identifyStack, stackFromUrn } from "./stack-identity";

const ROOT = path.resolve(__dirname, "..");
const FIXTURES = path.join(__dirname, "fixtures");
const NO_LLM = { llm: { enabled: false } };

describe("stack identity", () => {
  it("reads the kind from Pulumi.<stack>.yaml and falls back to the strictest gate", () => {
    expect(identifyStack("prod", ROOT)).toMatchObject({ name: "prod", kind: "prod" });
    expect(identifyStack("no-such-stack", ROOT)).toMatchObject({ kind: "prod", note: expect.stringContaining("strictest") });
    expect(stackFromUrn("urn:pulumi:prod::icna::aws:s3/bucket:Bucket::b")).toBe("prod");
  });
});

describe("reviewPreviewFile", () => {
  it("reviews a --json digest, taking the stack from its URNs and the region from its config", async () => {
    const review = await reviewPreviewFile(path.join(FIXTURES, "scenarios/prod-risky.preview.json"), undefined, NO_LLM);
    expect(review.stack).toMatchObject({ name: "prod", kind: "prod" });
    expect(review.verdict).toBe("block");
    expect(review.cost.region).toBe("eu-west-1");
    expect(review.policy.evaluated).toBe(true);
  });

  it("summarises the resources after the change: deleted ones are gone, replaced ones carry their new inputs", async () => {
    const review = await reviewPreviewFile(path.join(FIXTURES, "scenarios/prod-risky.preview.json"), undefined, NO_LLM);
    const deleted = review.changes.filter((c) => c.op === "delete").map((c) => c.urn);
    expect(review.resources.map((r) => r.urn)).toEqual(review.changes.filter((c) => c.op !== "delete").map((c) => c.urn));
    expect(review.resources.some((r) => deleted.includes(r.urn))).toBe(false);
    const db = review.resources.find((r) => r.name === "orders-db")!;
    expect(db.inputs).toEqual(review.changes.find((c) => c.name === "orders-db")!.newInputs);
    expect(review.summary.total).toBe(review.resources.length);
    expect(Object.values(review.summary.byType).reduce((a, b) => a + b, 0)).toBe(review.resources.length);
  });

  it("uses the event log's own policy events instead of evaluating policies again", async () => {
    const review = await reviewPreviewFile(path.join(FIXTURES, "scenarios/prod-policy.events.jsonl"), "prod", NO_LLM);
    expect(review.policy).toMatchObject({ rulesEvaluated: 0, mandatory: 1, advisory: 1 });
    // The unchanged resources stay in the summary even though an event log carries no inputs for them.
    expect(review.summary.total).toBe(3);
    expect(review.resources.filter((r) => Object.keys(r.inputs).length === 0)).toHaveLength(review.changes.filter((c) => c.newInputs === undefined).length);
  });

  it("judges a stack without a config file by the strictest gate and says so", async () => {
    const review = await reviewPreviewFile(path.join(FIXTURES, "real/pulumi-display-up-5.events.jsonl"), "no-such-stack", NO_LLM);
    expect(review.stack).toMatchObject({ name: "no-such-stack", kind: "prod", note: expect.stringMatching(/strictest/) });
  });

  it("fails on a preview with no resources and no --stack", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-")), "empty.json");
    fs.writeFileSync(file, JSON.stringify({ steps: [], changeSummary: {} }));
    await expect(reviewPreviewFile(file, undefined, NO_LLM)).rejects.toThrow(PreviewInputError);
  });
});

describe("reviewOfflinePlan with a base plan", () => {
  const P = "urn:pulumi:prod::icna::";
  const db: PlanResource = { urn: `${P}aws:rds/instance:Instance::orders`, type: "aws:rds/instance:Instance", name: "orders", inputs: { identifier: "orders", engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 100 }, dependencies: [], protect: true, custom: true, remote: false };

  it("reviews only the difference: a renamed database identifier blocks prod", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-base-"));
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify({ stack: "prod", resources: [db] }));
    const head = [{ ...db, inputs: { ...db.inputs, identifier: "orders-v2" } }];
    const review = await reviewOfflinePlan({ name: "prod", kind: "prod", region: "us-east-1" }, { resources: head }, readPlanFile(path.join(dir, "plan.json")), NO_LLM);
    expect(review.source).toBe("offline-plan-diff");
    expect(review.counts).toEqual({ replace: 1 });
    expect(review.verdict).toBe("block");
    expect(review.findings[0].title).toMatch(/^Replacing the RDS database instance orders\b.* deletes its data/);
    expect(review.resources).toEqual([expect.objectContaining({ urn: db.urn, inputs: head[0].inputs, protect: true, parent: null })]);
  });

  it("explains a missing base plan", () => {
    expect(() => readPlanFile("/nonexistent/plan.json")).toThrow(/--base \/nonexistent\/plan\.json does not exist/);
  });
});

it("icna review --preview exits 1 on a blocking preview and 2 (input error) with a positioned message on a malformed one", () => {
  const icna = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-")), "broken.jsonl");
  fs.writeFileSync(broken, '{"sequence":1,"cancelEvent":{}}\n{"sequence":2,"resourcePreEvent":{"metadata":{"op":"create"\n');
  const bad = icna("review", "--preview", broken);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/^icna: .*broken\.jsonl:2:1: a JSON value starts here but never ends/);
  const blocked = icna("review", "--preview", path.join(FIXTURES, "scenarios/prod-policy.events.jsonl"), "--json");
  expect(blocked.status).toBe(1);
  const json = JSON.parse(blocked.stdout);
  expect(json).toMatchObject({ stack: "prod", verdict: "block", gate: { stackKind: "prod" }, changes: { update: 1, same: 2 }, llm: { used: false } });
  expect(Object.keys(json)).toEqual(expect.arrayContaining(["resources", "findings", "cost", "policy"]));
});
