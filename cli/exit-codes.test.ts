import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ExitCode } from "./exit-codes";
import { main } from "./main";

const ROOT = path.resolve(__dirname, "..");
const PREVIEWS = path.join(ROOT, "review", "fixtures", "scenarios");

/** Runs `icna …` in-process and captures its exit code and what it prints. */
async function icna(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    return { code: await main(["node", "icna", ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = previous;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-exit-"));
const file = (name: string, content: string): string => {
  fs.writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};

/** Five-minute samples of one metric around `level`, deterministic. */
const samples = (level: number): string =>
  ["timestamp,latency_ms", ...Array.from({ length: 30 }, (_, i) => `2026-12-01 00:${String(i).padStart(2, "0")}:00,${level + ((i * 7) % 5)}`)].join("\n") + "\n";

describe("the exit-code convention (README, Exit codes)", () => {
  it("uses 0, 1, 2 and 70", () => {
    expect(ExitCode).toEqual({ Success: 0, Problem: 1, Usage: 2, Internal: 70 });
  });

  describe("Commander's own usage errors exit 2; --help exits 0", () => {
    it.each([
      [[], /Usage: icna/],
      [["deploi"], /unknown command 'deploi'/],
      [["review", "--stak", "prod"], /unknown option '--stak'/],
      [["forecast", "--input", "x.csv"], /required option '--horizon <minutes>' not specified/],
      [["dr"], /Usage: icna dr/],
      [["policy", "check", "--resources"], /option '--resources <file>' argument missing/],
    ])("%j", async (args, message) => {
      const result = await icna(...args);
      expect(result.code).toBe(ExitCode.Usage);
      expect(result.stderr).toMatch(message);
    });

    it("icna --help lists the exit codes and exits 0", async () => {
      const result = await icna("--help");
      expect(result.code).toBe(ExitCode.Success);
      expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*\n {2}70 /);
    });
  });

  describe("review", () => {
    const blocking = path.join(PREVIEWS, "prod-policy.events.jsonl");

    it("exits 1 when the review blocks, and 0 once every blocking finding is approved", async () => {
      const blocked = await icna("review", "--preview", blocking, "--json");
      expect(blocked.code).toBe(ExitCode.Problem);
      const { gate } = JSON.parse(blocked.stdout) as { gate: { blocking: string[] } };
      expect(gate.blocking.length).toBeGreaterThan(0);
      const approved = await icna("review", "--preview", blocking, "--json", ...gate.blocking.flatMap((id) => ["--approve", id]));
      expect(approved.code).toBe(ExitCode.Success);
    });

    it("refuses an --approve id that matches no finding, naming it and listing the ids that can be approved (exit 2)", async () => {
      const blocked = JSON.parse((await icna("review", "--preview", blocking, "--json")).stdout) as { gate: { blocking: string[] } };
      const result = await icna("review", "--preview", blocking, "--approve", "iam:typo:0000");
      expect(result.code).toBe(ExitCode.Usage);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain('--approve "iam:typo:0000" (no such finding) approves nothing');
      for (const id of blocked.gate.blocking) expect(result.stderr).toContain(id);
    });

    it("exits 2 on a malformed preview file and on --preview with --base", async () => {
      expect((await icna("review", "--preview", file("broken.json", "{"))).code).toBe(ExitCode.Usage);
      expect((await icna("review", "--preview", blocking, "--base", "plan.json")).code).toBe(ExitCode.Usage);
    });
  });

  describe("dr check", () => {
    it("exits 2 for a misspelled stack, distinct from drift", async () => {
      const result = await icna("dr", "check", "--from", "prod", "--to", "dr-typo");
      expect(result.code).toBe(ExitCode.Usage);
      expect(result.stderr).toMatch(/^icna: Stack "dr-typo" has 1 configuration problem/);
    });

    it("exits 1 when the two stacks differ in ways no DR rule explains", async () => {
      const result = await icna("dr", "check", "--from", "prod", "--to", "dev", "--json");
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false });
      expect(result.code).toBe(ExitCode.Problem);
    });
  });

  describe("judge", () => {
    const config = file("judge.yaml", "metrics:\n  - name: latency_ms\n    direction: increase\n    critical: true\n");

    it("exits 1 when the canary fails and 0 when it passes", async () => {
      const baseline = file("baseline.csv", samples(100));
      expect((await icna("judge", "--baseline", baseline, "--canary", file("slow.csv", samples(200)), "--config", config)).code).toBe(ExitCode.Problem);
      expect((await icna("judge", "--baseline", baseline, "--canary", file("same.csv", samples(100)), "--config", config)).code).toBe(ExitCode.Success);
    });

    it("exits 2 on an invalid config", async () => {
      const result = await icna("judge", "--baseline", file("b.csv", samples(100)), "--canary", file("c.csv", samples(100)), "--config", file("bad.yaml", "metrics: []\n"));
      expect(result.code).toBe(ExitCode.Usage);
    });
  });

  describe("usage and input errors of the other commands exit 2", () => {
    it.each([
      [["forecast", "--input", "/nonexistent.csv", "--horizon", "60"], /cannot read --input/],
      [["forecast", "--input", "/nonexistent.csv", "--horizon", "soon"], /--horizon must be a positive number/],
      [["detect", "--input", "/nonexistent.csv"], /cannot read --input/],
      [["simulate", "--trace", "/nonexistent.csv", "--no-chart"], /cannot read --trace/],
      [["scaler", "serve", "--port", "http"], /--port must be a port number/],
      [["watch", "--config", "/nonexistent.yaml", "--once"], /cannot read --config/],
      [["cutover", "--stack", "prod", "--to", "purple"], /--to must be blue or green/],
      [["cutover", "--stack", "prod", "--to", "green", "--steps", "50,10"], /--steps must be ascending/],
      [["deploy"], /deploy needs --stack/],
      [["deploy", "--stack", "prod", "--policy-pack", os.tmpdir(), "--preview-only"], /has no PulumiPolicy\.yaml/],
      [["dr", "drill", "--dry-run"], /dr drill needs --to/],
      [["policy", "check", "--resources", "/nonexistent.json"], /nonexistent\.json/],
    ])("%j", async (args, message) => {
      const result = await icna(...args);
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(ExitCode.Usage);
    });
  });

  it("exits 70 on a bug, asking for a report, without a stack trace unless ICNA_DEBUG is set", async () => {
    jest.resetModules();
    jest.doMock("./commands/detect", () => ({
      detect: () => {
        throw new TypeError("cannot read properties of undefined");
      },
    }));
    const { main: isolatedMain } = await import("./main");
    let stderr = "";
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    try {
      expect(await isolatedMain(["node", "icna", "detect", "--input", "x.csv"])).toBe(ExitCode.Internal);
    } finally {
      err.mockRestore();
      jest.dontMock("./commands/detect");
    }
    expect(stderr).toBe(
      "icna: unexpected error: cannot read properties of undefined\nThis is a bug in ICNA: please report it with the command you ran (set ICNA_DEBUG=1 for the stack trace).\n",
    );
  });
});
