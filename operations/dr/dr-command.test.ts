import * as fs from "node:fs";
import { main } from "../../cli/main";
import { PROJECT_DIR } from "../../stacks/config/project-dir";

// The CLI reads the stacks of a project holding only the shipped ones: a user's own Pulumi.<name>.yaml that
// declares dr's region as its DR region would, rightly, make `dr drill --to dr` ambiguous in their checkout.
jest.mock("../../stacks/config/project-dir", () => ({
  PROJECT_DIR: jest.requireActual<typeof import("../../testing/stack-settings")>("../../testing/stack-settings").shippedStacksProject(),
}));
afterAll(() => fs.rmSync(PROJECT_DIR, { recursive: true, force: true }));

/** Runs the CLI in-process and captures what it prints. */
async function icna(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, "write")
    .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const previous = process.exitCode;
  try {
    const code = await main(["node", "icna", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = previous;
  }
}

describe("icna dr (command contract)", () => {
  it("failover --dry-run prints the ordered plan and exits 0 without credentials", async () => {
    const result = await icna("dr", "failover", "--from", "prod", "--to", "dr", "--dry-run");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^failover prod → dr: 7 steps \(dry run: nothing is called\)/);
    expect(result.stdout).toContain("3. [promote-database] Promote the read replica icna-dr-postgres (us-west-2)");
  });

  it("failback --dry-run works without a failover state and says what it will restore", async () => {
    const result = await icna("dr", "failback", "--from", "prod", "--to", "dr", "--dry-run");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "[check-replication] Check that icna-prod-postgres (us-east-1) replicates from icna-dr-postgres",
    );
    expect(result.stdout).toContain("as the failover's state file recorded them before failover");
  });

  it("drill --dry-run finds the primary from icna:dr.region and prints the ordered plan without credentials", async () => {
    const result = await icna("dr", "drill", "--to", "dr", "--dry-run");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^drill prod → dr: 5 steps \(dry run: nothing is called\)/);
    expect(result.stdout).toContain("4. [teardown-clusters] Tear down: restore dr's icna:clusters and pulumi up dr");
  });

  it.each([
    [["dr", "drill", "--dry-run"], /^icna: dr drill needs --to <dr stack>/],
    [
      ["dr", "drill", "--to", "prod", "--dry-run"],
      /^icna: dr drill: no stack declares prod's region us-east-1 as its icna:dr.region: pass --from/,
    ],
    [["dr", "check", "--from", "prod"], /^icna: dr check needs --from <primary stack> and --to <dr stack>/],
    [
      ["dr", "failover", "--from", "prod", "--to", "prod", "--dry-run"],
      /^icna: dr failover: --from and --to are both "prod"/,
    ],
    [
      ["dr", "failover", "--from", "prod", "--to", "no-such-stack", "--dry-run"],
      /^icna: Stack "no-such-stack" has 1 configuration problem/,
    ],
  ])("%j explains the mistake without a stack trace and exits 2 (usage error)", async (args, message) => {
    const result = await icna(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
