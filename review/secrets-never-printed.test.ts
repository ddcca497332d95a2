/**
 * Credential canaries of every kind, seeded through a recorded preview and through an offline plan,
 * must each raise a finding and appear in no output: JSON (resources[].inputs included), Markdown,
 * terminal, the files --out writes (review.json, review.md, plan.json) and the diagnostics.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { runOfflinePreview } from "./plan/offline-preview";
import { OfflinePlan } from "./plan/model";
import { renderMarkdown } from "./report/render-markdown";
import { renderTerminal } from "./report/render-terminal";
import { writeReviewFiles } from "./report/review-files";
import { toReviewJson } from "./report/review-json";
import { Review } from "./review";
import { reviewOfflinePlan, reviewPreviewFile } from "./run-review";
import { CANARIES, CANARY_INPUTS, CANARY_USER_DATA, FORBIDDEN_IN_OUTPUT } from "./testing/credential-canaries";

const FIXTURE = path.join(__dirname, "fixtures", "scenarios", "prod-secrets.preview.json");

function everyOutput(review: Review, plan?: OfflinePlan): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-secrets-"));
  const files = writeReviewFiles(dir, { review, plan });
  const outputs: Record<string, string> = {
    json: JSON.stringify(toReviewJson(review)),
    markdown: renderMarkdown(review),
    terminal: renderTerminal(review, { color: false }),
    diagnostics: JSON.stringify(review.diagnostics),
    ...Object.fromEntries(files.map((f) => [path.basename(f), fs.readFileSync(f, "utf8")])),
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return outputs;
}

function leaks(outputs: Record<string, string>): string[] {
  return Object.entries(outputs).flatMap(([name, text]) => FORBIDDEN_IN_OUTPUT.filter((canary) => text.includes(canary)).map((canary) => `${name} contains ${canary.slice(0, 12)}…`));
}

describe("a recorded preview seeding every canary", () => {
  it("carries the canaries (so this test can fail)", () => {
    const raw = fs.readFileSync(FIXTURE, "utf8");
    // The AWS key pair is inside the base64 user data, as EC2 receives it.
    expect(FORBIDDEN_IN_OUTPUT.filter((c) => !raw.includes(JSON.stringify(c).slice(1, -1)))).toEqual([CANARIES.awsAccessKeyId, CANARIES.awsSecretAccessKey]);
    expect(raw).toContain(CANARY_USER_DATA);
  });

  it("flags each resource that holds one, high, and prints none of them anywhere", async () => {
    const review = await reviewPreviewFile(FIXTURE, "prod");
    const flagged = review.findings.filter((f) => f.id.startsWith("security-exposure:plaintext-credential")).map((f) => [f.severity, f.urns[0].split("::").pop()]);
    expect(flagged.sort()).toEqual([["high", "app-config"], ["high", "app-credentials"], ["high", "worker"], ["high", "workers"]]);
    const kinds = review.findings.flatMap((f) => f.evidence).join("\n");
    for (const kind of ["AWS access key id", "AWS secret access key", "private key", "GitHub token", "Slack token", "Stripe key", "JWT", "password in a connection string", "literal value in a Kubernetes Secret", "high-entropy string"]) expect(kinds).toContain(kind);
    expect(review.findings.some((f) => f.category === "policy" && f.evidence.some((e) => e.startsWith("policy: no-plaintext-credentials")))).toBe(true);
    expect(leaks(everyOutput(review))).toEqual([]);
    expect(JSON.stringify(toReviewJson(review))).toContain("[redacted]");
  });
});

describe("an offline plan of a program seeding every canary", () => {
  let plan: OfflinePlan;
  beforeAll(async () => {
    plan = await runOfflinePreview({
      project: "icna",
      stack: "prod",
      config: { "aws:region": "us-east-1" },
      program: async () => {
        new aws.ec2.LaunchTemplate("workers", CANARY_INPUTS.launchTemplate);
        new k8s.core.v1.Secret("app-credentials", CANARY_INPUTS.secret);
        new k8s.core.v1.ConfigMap("app-config", CANARY_INPUTS.configMap);
        new k8s.apps.v1.Deployment("worker", CANARY_INPUTS.deployment as unknown as k8s.apps.v1.DeploymentArgs);
        return { appToken: CANARY_INPUTS.secret.stringData.token };
      },
    });
  }, 60_000);

  it("records no canary in the plan, keeping each path and kind", () => {
    expect(leaks({ "plan.json": JSON.stringify(plan) })).toEqual([]);
    const workers = plan.resources.find((r) => r.name === "workers")!;
    expect(workers.inputs.userData).toBe("[redacted]");
    expect(workers.credentials?.map((c) => `${c.path}: ${c.kind}`)).toEqual(expect.arrayContaining(["userData: AWS access key id", "userData: AWS secret access key", "tags.deploy-key: high-entropy string"]));
  });

  it("flags them in the review and prints none of them anywhere", async () => {
    const review = await reviewOfflinePlan({ name: "prod", kind: "prod", region: "us-east-1" }, plan, undefined);
    const flagged = review.findings.filter((f) => f.id.startsWith("security-exposure:plaintext-credential")).map((f) => f.urns[0].split("::").pop());
    // @pulumi/kubernetes makes a Secret's data and stringData Pulumi secrets: they reach the plan as [secret], not in plaintext.
    expect(plan.resources.find((r) => r.name === "app-credentials")!.inputs.stringData).toBe("[secret]");
    expect(flagged.sort()).toEqual(["app-config", "worker", "workers"]);
    expect(review.verdict).toBe("block");
    expect(leaks(everyOutput(review, plan))).toEqual([]);
  });
});
