import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/** Runs `icna <args>` from the sources in a fresh node and returns every module it loaded. */
function modulesLoadedBy(...args: string[]): string[] {
  const script = `
    (async () => {
      require("tsx/cjs");
      (await import("tsx/esm/api")).register();
      const { main } = require(${JSON.stringify(path.join(ROOT, "cli", "main.ts"))});
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = () => true;
      const code = await main(["node", "icna", ...${JSON.stringify(args)}]);
      write(JSON.stringify({ code, modules: Object.keys(require.cache) }));
    })();`;
  const { code, modules } = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as { code: number; modules: string[] };
  expect(code).toBe(0);
  return modules;
}

/** Packages that cost hundreds of milliseconds to load and that only some commands need. */
const HEAVY = /node_modules\/(@pulumi|@aws-sdk|openai|@grpc|vega|vega-lite|prom-client|zod)\//;

describe("each command loads only what it uses", () => {
  it("icna --help loads no implementation: no SDK, no review pipeline, no runtime service", () => {
    const modules = modulesLoadedBy("--help");
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
    const ours = modules.filter((m) => !m.includes("node_modules")).map((m) => path.relative(ROOT, m));
    // Registrations, the error model, and the option definitions two commands share; no implementation.
    const registrationOnly = /^cli\/(main|cli-error|exit-codes|repeatable-option|commands\/index|commands\/[a-z-]+\.command)\.ts$|^stacks\/config\/config-error\.ts$|^review\/llm\/llm-options\.ts$/;
    expect(ours.filter((m) => !registrationOnly.test(m))).toEqual([]);
  });

  it("icna forecast loads the forecasting engine and nothing heavy", () => {
    const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "icna-lazy-")), "day.csv");
    const rows = Array.from({ length: 288 }, (_, i) => `${new Date(Date.UTC(2026, 11, 1) + i * 300_000).toISOString()},${100 + 50 * Math.sin((i / 288) * 2 * Math.PI)}`);
    fs.writeFileSync(csv, ["timestamp,value", ...rows].join("\n") + "\n");
    const modules = modulesLoadedBy("forecast", "--input", csv, "--horizon", "60");
    expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
    expect(modules.some((m) => m.endsWith(path.join("runtime", "forecast", "engine.ts")))).toBe(true);
  });
});
