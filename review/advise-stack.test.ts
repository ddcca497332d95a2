import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlanResource } from "./plan/model";
import { adviseOfflinePlan, advisePreviewFile } from "./advise-stack";
import { PreviewInputError } from "./changes/preview-input-error";
import { identifyStack, stackFromUrn } from "./stack-identity";

const ROOT = path.resolve(__dirname, "..");
const FIXTURES = path.join(__dirname, "fixtures");
const NO_LLM = { llm: { enabled: false } };

describe("stack identity", () => {
  it("reads the kind from Pulumi.<stack>.yaml and falls back to the strictest gate", () => {
    expect(identifyStack("prod", ROOT)).toMatchObject({ name: "prod", kind: "prod" });
    expect(identifyStack("staging", ROOT)).toMatchObject({ kind: "prod", note: expect.stringContaining("strictest") });
    expect(stackFromUrn("urn:pulumi:prod::icna::aws:s3/bucket:Bucket::b")).toBe("prod");
  });
});

describe("advisePreviewFile", () => {
  it("reviews a --json digest, taking the stack from its URNs and the region from its config", async () => {
    const { review, stack } = await advisePreviewFile(path.join(FIXTURES, "scenarios/prod-risky.preview.json"), undefined, ROOT, NO_LLM);
    expect(stack.name).toBe("prod");
    expect(review.verdict).toBe("block");
    expect(review.cost.region).toBe("eu-west-1");
    expect(review.policy.evaluated).toBe(true);
  });

  it("uses the event log's own policy events instead of evaluating policies again", async () => {
    const { review } = await advisePreviewFile(path.join(FIXTURES, "scenarios/prod-policy.events.jsonl"), "prod", ROOT, NO_LLM);
    expect(review.policy).toMatchObject({ rulesEvaluated: 0, mandatory: 1, advisory: 1 });
  });

  it("fails on a preview with no resources and no --stack", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-")), "empty.json");
    fs.writeFileSync(file, JSON.stringify({ steps: [], changeSummary: {} }));
    await expect(advisePreviewFile(file, undefined, ROOT, NO_LLM)).rejects.toThrow(PreviewInputError);
  });
});

describe("adviseOfflinePlan with a base plan", () => {
  const P = "urn:pulumi:prod::icna::";
  const db: PlanResource = { urn: `${P}aws:rds/instance:Instance::orders`, type: "aws:rds/instance:Instance", name: "orders", inputs: { identifier: "orders", engine: "postgres", instanceClass: "db.r6g.large", allocatedStorage: 100 }, dependencies: [], protect: true, custom: true, remote: false };

  it("reviews only the difference: a renamed database identifier blocks prod", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-base-"));
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify({ stack: "prod", resources: [db] }));
    const head = [{ ...db, inputs: { ...db.inputs, identifier: "orders-v2" } }];
    const review = await adviseOfflinePlan({ name: "prod", kind: "prod", region: "us-east-1" }, { resources: head }, path.join(dir, "plan.json"), NO_LLM);
    expect(review.counts).toEqual({ replace: 1 });
    expect(review.verdict).toBe("block");
    expect(review.findings[0].title).toMatch(/^Replacing orders deletes its data/);
  });

  it("explains a missing base plan", async () => {
    await expect(adviseOfflinePlan({ name: "prod", kind: "prod" }, { resources: [db] }, "/nonexistent/plan.json", NO_LLM)).rejects.toThrow(/--base \/nonexistent\/plan\.json does not exist/);
  });
});

it("icna review --preview exits 2 on a blocking preview and 1 with a positioned message on a malformed one", () => {
  const icna = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-")), "broken.jsonl");
  fs.writeFileSync(broken, '{"sequence":1,"cancelEvent":{}}\n{"sequence":2,"resourcePreEvent":{"metadata":{"op":"create"\n');
  const bad = icna("review", "--preview", broken);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/^icna: .*broken\.jsonl:2:1: a JSON value starts here but never ends/);
  const blocked = icna("review", "--preview", path.join(FIXTURES, "scenarios/prod-policy.events.jsonl"), "--json");
  expect(blocked.status).toBe(2);
  const json = JSON.parse(blocked.stdout);
  expect(json).toMatchObject({ stack: "prod", verdict: "block", changes: { update: 1, same: 2 }, llm: { used: false } });
  expect(Object.keys(json)).toEqual(expect.arrayContaining(["resources", "findings", "cost", "policy"]));
});
