/**
 * Run by `npm test` before jest: the integration tests start Prometheus, promtool and Alertmanager
 * themselves. When one is missing, on Debian/Ubuntu as root (or with password-less sudo) this installs
 * it from the distribution with apt-get; anywhere else, or with ICNA_NO_INSTALL=1, it stops the run
 * with one line naming what to install.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { installHint, missingServices, type TestService } from "./test-services";

const PREFIX = "npm test:";
const names = (services: readonly TestService[]) => services.map((s) => s.binaries[0]).join(", ");

/** How to run apt-get here (as root, or through sudo -n), or undefined when this machine cannot. */
function aptRunner(): string[] | undefined {
  if (process.env.ICNA_NO_INSTALL === "1" || process.platform !== "linux" || !fs.existsSync("/usr/bin/apt-get")) return undefined;
  if (process.getuid?.() === 0) return ["env", "DEBIAN_FRONTEND=noninteractive"];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"] : undefined;
}

function apt(runner: readonly string[], args: readonly string[]): boolean {
  const [command, ...rest] = [...runner, "apt-get", ...args];
  return spawnSync(command, rest, { stdio: ["ignore", "ignore", "inherit"] }).status === 0;
}

function main(): number {
  const missing = missingServices();
  if (missing.length === 0) return 0;
  const runner = aptRunner();
  if (!runner) {
    process.stderr.write(`${PREFIX} missing ${names(missing)}, which the integration tests start: ${installHint(missing)}\n`);
    return 1;
  }
  const packages = [...new Set(missing.map((s) => s.debianPackage))];
  process.stderr.write(`${PREFIX} installing ${packages.join(" ")} with apt-get (missing ${names(missing)})\n`);
  const installed = apt(runner, ["update", "-qq"]) && apt(runner, ["install", "-y", "-qq", "--no-install-recommends", ...packages]);
  const still = missingServices();
  if (!installed || still.length > 0) {
    process.stderr.write(`${PREFIX} could not install ${packages.join(" ")} with apt-get; install it by hand: ${installHint(still.length > 0 ? still : missing)}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
