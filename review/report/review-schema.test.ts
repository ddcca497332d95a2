import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runDeploy } from "../../operations/deploy/run-deploy";
import { PlanResource } from "../plan/model";
import { reviewChangeSet } from "../review";
import { runReview } from "../run-review";
import { change, PROD } from "../testing/change-builder";
import { RecordedEngine } from "../testing/recorded-engine";
import { schemaErrors } from "../testing/review-schema";
import { MARKDOWN_LIMIT, renderMarkdown } from "./render-markdown";
import { reviewFiles } from "./review-files";
import { toReviewJson } from "./review-json";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const NO_LLM = { llm: { enabled: false } };
/** Every recorded preview, one per input format and more: review/fixtures/SOURCES.md says where each comes from. */
const PREVIEWS = ["real/pulumi-display-json-text-change.events.json", "real/pulumi-display-up-5.events.jsonl", "real/pulumi-issue-23067.preview.json", "scenarios/prod-risky.preview.json", "scenarios/prod-policy.events.jsonl", "scenarios/prod-policy.automation-events.json"];

/** The JSON as a consumer reads it (undefined keys gone). */
const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("review.schema.json", () => {
  it("rejects what breaks the contract: a missing key, an unknown key, a stack object instead of its name, a bad finding id", async () => {
    const json = asRead(toReviewJson(await reviewChangeSet({ changes: [change("vpc", "aws:ec2/vpc:Vpc", { newInputs: {} })], stack: PROD, ...NO_LLM }))) as Record<string, unknown>;
    expect(schemaErrors(json)).toEqual([]);
    const { verdict: _dropped, ...withoutVerdict } = json;
    expect(schemaErrors(withoutVerdict)).toEqual(["(root) must have required property 'verdict'"]);
    expect(schemaErrors({ ...json, stackKind: "prod" })).toEqual(["(root) must NOT have additional properties: stackKind"]);
    expect(schemaErrors({ ...json, stack: { name: "prod", kind: "prod" } })).toEqual(["/stack must be string"]);
    const finding = { id: "not-an-id", category: "cost", severity: "low", urns: [], title: "t", evidence: [], recommendation: "r", source: "rules" };
    expect(schemaErrors({ ...json, findings: [finding] })).toEqual([expect.stringMatching(/^\/findings\/0\/id must match pattern/)]);
  });

  for (const file of PREVIEWS) {
    it(`validates the review of the recorded preview ${file}`, async () => {
      const { review } = await runReview({ from: "preview", file: path.join(FIXTURES, file) }, NO_LLM);
      const json = asRead(toReviewJson(review));
      expect(schemaErrors(json)).toEqual([]);
      expect(json).toMatchObject({ stack: review.stack.name, verdict: review.verdict, gate: { stackKind: review.stack.kind } });
      expect(renderMarkdown(review).length).toBeLessThan(MARKDOWN_LIMIT);
    });
  }
});

it("validates the review.json that icna deploy writes from Automation API events", async () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-deploy-schema-"));
  try {
    const engine = new RecordedEngine(path.join(FIXTURES, "scenarios/prod-policy.events.jsonl"));
    const base = { stack: { name: "prod", kind: "prod", region: "eu-west-1" }, engine, outDir, policyPacks: [], policyPackConfigs: [], approvals: [], ...NO_LLM } as const;
    const outcome = await runDeploy({ ...base, previewOnly: true, show: () => undefined, confirm: async () => false });
    const json = JSON.parse(fs.readFileSync(path.join(outDir, "review.json"), "utf8")) as unknown;
    expect(schemaErrors(json)).toEqual([]);
    expect(json).toEqual(asRead(toReviewJson(outcome.review)));
    expect(json).toMatchObject({ source: "automation-events", verdict: "block" });
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
});

describe("the offline review of the largest shipped plan (prod) and its --base difference", () => {
  let dir: string;
  let plan: { resources: PlanResource[] };
  let files: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-schema-"));
    const run = await runReview({ from: "stack", stack: "prod" }, NO_LLM);
    files = reviewFiles(run);
    plan = JSON.parse(files["plan.json"]) as { resources: PlanResource[] };
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes review.json (valid), plan.json and one Markdown comment under 65,536 characters", () => {
    expect(Object.keys(files).sort()).toEqual(["plan.json", "review.json", "review.md"]);
    const json = JSON.parse(files["review.json"]) as { stack: string; source: string; resources: unknown[]; summary: { total: number }; gate: { stackKind: string } };
    expect(schemaErrors(json)).toEqual([]);
    expect(json).toMatchObject({ stack: "prod", source: "offline-plan", gate: { stackKind: "prod" } });
    expect(json.resources).toHaveLength(plan.resources.length);
    expect(json.summary.total).toBe(plan.resources.length);
    expect(files["review.md"].length).toBeLessThan(MARKDOWN_LIMIT);
    expect(files["review.md"]).toMatch(/^<!-- icna-review:prod -->\n## (✅ PASS|⚠️ WARN|⛔ BLOCK) · ICNA review · `prod` \(prod\)/);
  });

  it("validates the difference from a base plan in which the database had another identifier and one resource did not exist", async () => {
    const db = plan.resources.find((r) => r.type === "aws:rds/instance:Instance")!;
    const added = plan.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
    const base = { ...plan, resources: plan.resources.filter((r) => r !== added).map((r) => (r === db ? { ...r, inputs: { ...r.inputs, identifier: "orders-old" } } : r)) };
    fs.writeFileSync(path.join(dir, "plan.json"), JSON.stringify(base));
    const { review } = await runReview({ from: "stack", stack: "prod", base: path.join(dir, "plan.json") }, NO_LLM);
    const json = asRead(toReviewJson(review));
    expect(schemaErrors(json)).toEqual([]);
    expect(json).toMatchObject({ source: "offline-plan-diff", verdict: "block", changes: { create: 1, replace: 1 } });
    expect(renderMarkdown(review).length).toBeLessThan(MARKDOWN_LIMIT);
  }, 120_000);
});
