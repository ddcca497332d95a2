import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../cli/main";

/** Runs `icna …` in-process and captures what it prints and its exit code. */
async function icna(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(["node", "icna", ...args]);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = previous;
    out.mockRestore();
    err.mockRestore();
  }
}

function resourcesFile(resources: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-policy-cli-")), "resources.json");
  fs.writeFileSync(file, JSON.stringify(resources));
  return file;
}

describe("icna policy check", () => {
  const openGroup = { type: "aws:ec2/securityGroup:SecurityGroup", name: "open", props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] } };

  test("--json prints the violations and exits 1 on a mandatory one", async () => {
    const result = await icna("policy", "check", "--resources", resourcesFile([openGroup]), "--stack", "prod", "--json");
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout) as { violations: Record<string, string>[] };
    const admin = printed.violations.find((v) => v.policy === "sg-no-public-admin-ingress")!;
    expect(admin).toMatchObject({ resourceType: "aws:ec2/securityGroup:SecurityGroup", resourceName: "open", enforcementLevel: "mandatory", severity: "critical" });
    expect(admin.message).toContain("22 (SSH)");
  });

  test("exits 0 when only advisory rules fire", async () => {
    const vpc = { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { tags: { owner: "a", environment: "dev", "cost-center": "c" } } };
    const result = await icna("policy", "check", "--resources", resourcesFile([vpc]), "--stack", "alice-dev");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PASSED");
  });

  test("a bad file or stack name is a clear error with exit code 2", async () => {
    const bad = await icna("policy", "check", "--resources", resourcesFile([{ name: "x", props: {} }]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^icna: .*resources\.json: 1 problem in the resources:\n {2}\[0\]\.type: is required/);
    const staging = await icna("policy", "check", "--resources", resourcesFile([openGroup]), "--stack", "staging");
    expect(staging.code).toBe(2);
    expect(staging.stderr).toContain("pass --kind dev|prod|dr");
  });

  test("policy docs --check confirms the generated files are current", async () => {
    const result = await icna("policy", "docs", "--check");
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining("up to date") });
  });
});
