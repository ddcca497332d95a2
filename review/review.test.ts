import * as path from "node:path";
import { loadChangeSet } from "./changes/load-change-set";
import { renderMarkdown, MARKDOWN_LIMIT } from "./report/render-markdown";
import { renderTerminal } from "./report/render-terminal";
import { reviewChangeSet } from "./review";
import { change, DEV, PROD } from "./testing/change-builder";
import { generatedChanges } from "./testing/generated-preview";

const fixture = (name: string) => loadChangeSet(path.join(__dirname, "fixtures", name));
const NO_LLM = { enabled: false };

describe("the gate on prod", () => {
  const RDS = "aws:rds/instance:Instance";
  const cases = {
    "a replace of the prod database": change("orders-db", RDS, { op: "replace", oldInputs: { identifier: "orders" }, newInputs: { identifier: "orders-v2" }, replaceReasons: ["identifier"] }),
    "a removed protect": change("sessions", "aws:elasticache/replicationGroup:ReplicationGroup", { op: "same", protect: { old: true, new: false } }),
    "an opened security group": change("orders-db-sg", "aws:ec2/securityGroup:SecurityGroup", { newInputs: { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] } }),
    "a replaced Kubernetes provider": change("blue-k8s", "pulumi:providers:kubernetes", { op: "replace", changedPaths: ["kubeconfig"] }),
  };
  for (const [what, c] of Object.entries(cases)) {
    it(`blocks ${what} with exit code 1, and passes it once approved by id`, async () => {
      const review = await reviewChangeSet({ changes: [c], stack: PROD, llm: NO_LLM });
      expect(review.verdict).toBe("block");
      expect(review.exitCode).toBe(1);
      const approved = await reviewChangeSet({ changes: [c], stack: PROD, approvals: review.gate.blocking, llm: NO_LLM });
      expect(approved.verdict).toBe("warn");
      expect(approved.exitCode).toBe(0);
      expect(approved.gate.approved).toEqual(review.gate.blocking);
    });
  }

  it("passes a harmless change and warns (exit 0) on a medium risk", async () => {
    const tags = change("vpc", "aws:ec2/vpc:Vpc", { changedPaths: ["tags.team"], oldInputs: { tags: { team: "a" } }, newInputs: { tags: { team: "b" } } });
    expect(await reviewChangeSet({ changes: [tags], stack: PROD, llm: NO_LLM })).toMatchObject({ verdict: "pass", exitCode: 0 });
    const dbr = change("sg", "aws:ec2/securityGroup:SecurityGroup", { op: "replace", deleteBeforeReplace: true });
    expect(await reviewChangeSet({ changes: [dbr], stack: DEV, llm: NO_LLM })).toMatchObject({ verdict: "warn", exitCode: 0 });
  });

  it("dev does not block a database replace, prod does", async () => {
    const c = cases["a replace of the prod database"];
    expect((await reviewChangeSet({ changes: [c], stack: DEV, llm: NO_LLM })).verdict).toBe("warn");
  });

  it("reports approvals that match nothing", async () => {
    const review = await reviewChangeSet({ changes: [], stack: PROD, approvals: ["data-loss:replace-stateful:0000000000"], llm: NO_LLM });
    expect(review.gate.unmatchedApprovals).toEqual(["data-loss:replace-stateful:0000000000"]);
  });
});

describe("the review of a real-format prod preview", () => {
  it("finds every planted risk and blocks", async () => {
    const review = await reviewChangeSet({ changes: fixture("scenarios/prod-risky.preview.json"), stack: { ...PROD, region: "eu-west-1" }, llm: NO_LLM });
    const rules = review.findings.map((f) => f.id.split(":").slice(0, 2).join(":"));
    expect(rules).toEqual(expect.arrayContaining(["data-loss:replace-stateful", "data-loss:protect-removed", "security-exposure:security-group-opened", "data-loss:kubernetes-provider-replaced", "cost:cost-increase", "uncertainty:unknown-values"]));
    expect(review.findings.find((f) => f.id.startsWith("data-loss:replace-stateful") && f.urns[0].endsWith("::orders-db"))!).toMatchObject({ severity: "critical", title: expect.stringMatching(/^Replacing the RDS database instance orders-db\b.* deletes its data/) });
    expect(review.findings.find((f) => f.id.startsWith("data-loss:kubernetes-provider"))!.title).toMatch(/^Replacing the Kubernetes provider blue-k8s replaces every resource under it: 2 resources are deleted and recreated \(Namespace apps, Deployment api\)/);
    expect(review.verdict).toBe("block");
  });

  it("renders terminal and Markdown with the verdict, counts, cost and policy first, then the findings that matter", async () => {
    const review = await reviewChangeSet({ changes: fixture("scenarios/prod-risky.preview.json"), stack: { ...PROD, region: "eu-west-1" }, llm: NO_LLM });
    const md = renderMarkdown(review);
    const order = ["⛔ BLOCK", "**Changes:**", "**Cost:**", "**Policy:**", "**Blocked by", "### Blocking and high findings", "<details>"].map((s) => md.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(md.startsWith("<!-- icna-review:prod -->\n")).toBe(true);
    const firstScreen = md.slice(0, md.indexOf("<details>"));
    for (const id of review.gate.blocking) expect(firstScreen).toContain(id);
    const lowNotes = review.findings.filter((f) => (f.severity === "low" || f.severity === "medium") && !review.gate.blocking.includes(f.id));
    expect(lowNotes.length).toBeGreaterThan(0);
    for (const f of lowNotes) expect(firstScreen).not.toContain(f.id);
    expect(firstScreen).toMatch(new RegExp(`${lowNotes.length} more finding\\(s\\), folded below: \\d+ (medium|low) \\(`));
    const terminal = renderTerminal(review);
    expect(terminal).toMatch(/^BLOCK {2}prod \(prod, eu-west-1\): 2 update · 4 replace · 2 same/);
    expect(terminal.trimEnd().split("\n").pop()).toBe("Verdict: block");
  });

  it("lists the policy violations after the other blocking findings, the blocking one first, each with its id", async () => {
    const review = await reviewChangeSet({ changes: fixture("scenarios/prod-policy.events.jsonl"), stack: PROD, llm: NO_LLM });
    const firstScreen = renderMarkdown(review).split("<details>")[0];
    const [top, policy] = firstScreen.split("### Policy violations (1 mandatory, 1 advisory)");
    const policyIds = review.findings.filter((f) => f.category === "policy").map((f) => f.id);
    expect(policyIds).toHaveLength(2);
    for (const id of policyIds) expect(top).not.toContain(id);
    expect(top).toContain("### Blocking and high findings");
    const blocking = policyIds.find((id) => review.gate.blocking.includes(id))!;
    const advisory = policyIds.find((id) => !review.gate.blocking.includes(id))!;
    expect(policy.indexOf(blocking)).toBeGreaterThan(0);
    expect(policy.indexOf(blocking)).toBeLessThan(policy.indexOf(advisory));
  });
});

it("keeps the Markdown comment under 65,536 characters for a 2,000-change preview and escapes plan text", async () => {
  const changes = generatedChanges(2000);
  changes[5] = { ...changes[5], name: "evil</details><img src=x onerror=alert(1)>|@team" };
  const review = await reviewChangeSet({ changes, stack: PROD, llm: NO_LLM });
  const md = renderMarkdown(review);
  expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
  expect(md).toMatch(/more (findings|changes) not shown/);
  expect(md).not.toContain("<img");
});
