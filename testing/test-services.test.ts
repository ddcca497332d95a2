import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ALERTMANAGER, MissingServiceError, PROMETHEUS, PROMTOOL, missingServices, serviceBinary } from "./test-services";

const ROOT = path.resolve(__dirname, "..");

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A PATH directory holding executables (empty shell scripts) with the given names. */
function pathWith(...binaries: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-path-"));
  made.push(dir);
  for (const name of binaries) fs.writeFileSync(path.join(dir, name), "#!/bin/sh\n", { mode: 0o755 });
  return dir;
}

/** Runs the pre-test check as `npm test` does, with only `dir` on PATH and installing turned off. */
function ensure(dir: string) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "ensure-test-services.ts")], {
    encoding: "utf8",
    env: { PATH: dir, ICNA_NO_INSTALL: "1", HOME: os.tmpdir() },
  });
}

describe("the services the integration tests start", () => {
  it("finds each program on PATH, Alertmanager under its Debian or its Homebrew name", () => {
    const debian = pathWith("prometheus", "promtool", "prometheus-alertmanager");
    const brew = pathWith("prometheus", "promtool", "alertmanager");
    expect(missingServices(undefined, debian)).toEqual([]);
    expect(serviceBinary(ALERTMANAGER, debian)).toBe(path.join(debian, "prometheus-alertmanager"));
    expect(serviceBinary(ALERTMANAGER, brew)).toBe(path.join(brew, "alertmanager"));
  });

  it("names what is missing and how to install it, instead of failing later in spawn", () => {
    const dir = pathWith("prometheus");
    fs.writeFileSync(path.join(dir, "promtool"), "not executable", { mode: 0o644 });
    expect(missingServices(undefined, dir)).toEqual([PROMTOOL, ALERTMANAGER]);
    expect(() => serviceBinary(PROMTOOL, dir)).toThrow(MissingServiceError);
    expect(() => serviceBinary(PROMETHEUS, pathWith())).toThrow(
      "the tests need prometheus on PATH, which this machine lacks: apt-get install prometheus (Debian/Ubuntu) or brew install prometheus (macOS)",
    );
  });

  it("stops npm test at once with one line when a program is missing and cannot be installed", () => {
    const result = ensure(pathWith("prometheus", "promtool"));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "npm test: missing prometheus-alertmanager, which the integration tests start: apt-get install prometheus-alertmanager (Debian/Ubuntu) or brew install alertmanager (macOS)\n",
    );
  }, 60_000);

  it("lets npm test go on, silently, when every program is there", () => {
    const result = ensure(pathWith("prometheus", "promtool", "prometheus-alertmanager"));
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: "" });
  }, 60_000);
});
