import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { listStacks } from "../stacks/config/stack-file";
import { schemaErrors } from "../review/testing/review-schema";

const ROOT = path.resolve(__dirname, "..");
const icna = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "bin/icna.js"), ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

describe("icna review (the installed binary)", () => {
  it("prints the documented JSON contract for prod and writes review.json, plan.json and the one PR comment with --out", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "icna-review-"));
    const result = icna("review", "--stack", "prod", "--json", "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const review = JSON.parse(result.stdout);
    expect(schemaErrors(review)).toEqual([]);
    expect(review).toMatchObject({ stack: "prod", gate: { stackKind: "prod" }, source: "offline-plan" });
    const resource = review.resources.find((r: { type: string }) => r.type === "aws:ec2/vpc:Vpc");
    expect(Object.keys(resource)).toEqual(expect.arrayContaining(["urn", "type", "name", "parent", "inputs", "dependencies", "protect"]));
    expect(review.summary.byType["eks:index:Cluster"]).toBe(2);
    expect(fs.readdirSync(out).sort()).toEqual(["plan.json", "review.json", "review.md"]);
    const plan = JSON.parse(fs.readFileSync(path.join(out, "plan.json"), "utf8"));
    expect(plan.resources).toHaveLength(review.resources.length);
    expect(JSON.parse(fs.readFileSync(path.join(out, "review.json"), "utf8"))).toEqual(review);
    const comment = fs.readFileSync(path.join(out, "review.md"), "utf8");
    expect(comment).toMatch(/^<!-- icna-review:prod -->\n## .* · ICNA review · `prod` \(prod\)/);
    expect(icna("review", "--stack", "prod", "--markdown").stdout).toBe(comment);
  });

  it("prints one terminal report: the verdict first and last, the same as the JSON's", () => {
    const text = icna("review", "--stack", "dev");
    const json = JSON.parse(icna("review", "--stack", "dev", "--json").stdout);
    expect(text.stdout.split("\n")[0]).toMatch(new RegExp(`^${json.verdict.toUpperCase()} {2}dev \\(dev, `));
    expect(text.stdout.match(/^Verdict: /gm)).toHaveLength(1);
    expect(text.stdout.trimEnd().split("\n").pop()).toBe(`Verdict: ${json.verdict}`);
  });

  it("explains an unknown stack without a stack trace and exits 2 (input error)", () => {
    // A stack no checkout has; the stacks offered are the checkout's own, which a user may have added to.
    const result = icna("review", "--stack", "no-such-stack");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^icna: Stack "no-such-stack" has 1 configuration problem:\n {2}- --stack: there is no Pulumi\.no-such-stack\.yaml /);
    expect(listStacks(ROOT)).toEqual(expect.arrayContaining(["dev", "dr", "prod"]));
    expect(result.stderr).toContain(`(allowed: ${listStacks(ROOT).join(", ")})`);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("asks for --stack when it is missing (exit 2)", () => {
    const result = icna("review");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("icna: review needs --stack <name> (e.g. --stack prod)\n");
  });

  it("rejects an unknown option with usage help (exit 2)", () => {
    const result = icna("review", "--stak", "prod");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--stak'/);
  });
});

describe("icna review on a broken stack file", () => {
  it("reports every config problem before registering anything", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-bad-"));
    const prod = fs.readFileSync(path.join(ROOT, "Pulumi.prod.yaml"), "utf8");
    fs.writeFileSync(path.join(dir, "Pulumi.bad.yaml"), prod.replace("cidr: 10.40.0.0/16", "cidr: 10.40.0.0/33").replace("weights: { blue: 100, green: 0 }", "weights: { blue: 0, green: 0 }"));
    const script = `require("tsx/cjs"); require(${JSON.stringify(path.join(ROOT, "review/plan/stack-plan.ts"))}).planStack("bad", ${JSON.stringify(dir)}).then(() => console.log("planned"), (e) => { console.log(e.name + "\\n" + e.message); });`;
    const output = execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    expect(output).toMatch(/^ConfigError\nStack "bad" has 2 configuration problems:/);
    expect(output).toMatch(/icna:network\.cidr: "10\.40\.0\.0\/33" has a prefix length above 32/);
    expect(output).toMatch(/icna:traffic\.weights: blue and green are both 0/);
  });
});
