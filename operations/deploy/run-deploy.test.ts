import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluateChangePolicies } from "../../review/policy-input";
import { RecordedEngine } from "../../review/testing/recorded-engine";
import { runDeploy } from "./run-deploy";

const FIXTURES = path.join(__dirname, "..", "..", "review", "fixtures");
let outDir: string;
beforeEach(() => (outDir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-deploy-"))));
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

function deploy(log: string, kind: "dev" | "prod", answers: boolean[] = [true], approvals: string[] = []) {
  const engine = new RecordedEngine(path.join(FIXTURES, log));
  const shown: string[] = [];
  const asked: string[] = [];
  const run = runDeploy({
    stack: { name: kind, kind, region: "us-west-2" },
    engine,
    outDir,
    policyPacks: ["policies"],
    policyPackConfigs: ["policy-config.json"],
    approvals,
    llm: { enabled: false },
    show: (review) => shown.push(review.verdict),
    confirm: async (review) => {
      asked.push(review.verdict);
      return answers.shift() ?? false;
    },
  });
  return { engine, shown, asked, run };
}

it("blocks prod on the recorded preview (policy violation, opened security group) and never runs up", async () => {
  const { engine, asked, run } = deploy("scenarios/prod-policy.events.jsonl", "prod");
  const outcome = await run;
  expect(outcome).toMatchObject({ status: "blocked", exitCode: 1 });
  expect(engine.calls.map((c) => c.op)).toEqual(["preview"]);
  expect(asked).toEqual([]);
  expect(engine.calls[0].request).toMatchObject({ policyPacks: ["policies"], planPath: path.join(outDir, "plan.json") });
  expect(fs.readFileSync(path.join(outDir, "preview-events.jsonl"), "utf8").trim().split("\n")).toHaveLength(10);
});

it("applies the saved plan after confirmation (real recorded EKS events on a dev stack: a warning, not a block)", async () => {
  const { engine, shown, asked, run } = deploy("real/pulumi-display-up-5.events.jsonl", "dev");
  const outcome = await run;
  expect(shown).toEqual(["warn"]);
  expect(asked).toEqual(["warn"]);
  expect(outcome).toMatchObject({ status: "applied", exitCode: 0, summary: { create: 1, same: 5 } });
  expect(engine.calls.map((c) => c.op)).toEqual(["preview", "up"]);
  expect(engine.calls[1].request).toMatchObject({ stack: "dev", planPath: path.join(outDir, "plan.json") });
});

it("the same recorded events block prod: the new EKS API endpoint is open to 0.0.0.0/0", async () => {
  const outcome = await deploy("real/pulumi-display-up-5.events.jsonl", "prod").run;
  expect(outcome.status).toBe("blocked");
  expect(outcome.review.gate.blocking[0]).toMatch(/^security-exposure:public-endpoint:/);
  const approved = await deploy("real/pulumi-display-up-5.events.jsonl", "prod", [true], outcome.review.gate.blocking).run;
  expect(approved.status).toBe("applied");
});

it("stops without up when the operator declines", async () => {
  const { engine, run } = deploy("real/pulumi-display-up-5.events.jsonl", "dev", [false]);
  expect(await run).toMatchObject({ status: "declined", exitCode: 1 });
  expect(engine.calls.map((c) => c.op)).toEqual(["preview"]);
});

it("has nothing to apply when every step is a same", async () => {
  const log = path.join(outDir, "same.jsonl");
  const lines = fs.readFileSync(path.join(FIXTURES, "real/pulumi-display-up-5.events.jsonl"), "utf8").split("\n").filter((l) => l && !l.includes('"op":"create"'));
  fs.writeFileSync(log, lines.join("\n"));
  const engine = new RecordedEngine(log);
  const outcome = await runDeploy({ stack: { name: "dev", kind: "dev" }, engine, outDir, policyPacks: [], policyPackConfigs: [], approvals: [], llm: { enabled: false }, show: () => undefined, confirm: async () => true });
  expect(outcome.status).toBe("no-changes");
  expect(engine.calls.map((c) => c.op)).toEqual(["preview"]);
});

it("folds the offline policy engine's results over the previewed after-state into the review", async () => {
  const engine = new RecordedEngine(path.join(FIXTURES, "real/pulumi-display-up-5.events.jsonl"));
  const outcome = await runDeploy({
    stack: { name: "dev", kind: "dev" },
    engine,
    outDir,
    policyPacks: [],
    policyPackConfigs: [],
    approvals: [],
    llm: { enabled: false },
    evaluatePolicy: ({ changes }) => evaluateChangePolicies(changes, { name: "dev", kind: "dev" }),
    show: () => undefined,
    confirm: async () => false,
  });
  expect(outcome.review.policy.evaluated).toBe(true);
  expect(outcome.review.policy.rulesEvaluated).toBeGreaterThan(0);
});

it("stops after the review with previewOnly, never asking or applying", async () => {
  const engine = new RecordedEngine(path.join(FIXTURES, "real/pulumi-display-up-5.events.jsonl"));
  const outcome = await runDeploy({ stack: { name: "dev", kind: "dev" }, engine, outDir, policyPacks: [], policyPackConfigs: [], approvals: [], llm: { enabled: false }, previewOnly: true, show: () => undefined, confirm: async () => { throw new Error("must not ask"); } });
  expect(outcome).toMatchObject({ status: "previewed", exitCode: 0 });
  expect(engine.calls.map((c) => c.op)).toEqual(["preview"]);
});
