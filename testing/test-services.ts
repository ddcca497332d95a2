import * as fs from "node:fs";
import * as path from "node:path";

/** A program the integration tests start themselves (on loopback), and where to get it. */
export interface TestService {
  /** Names the program goes by on PATH, the Debian name first (Homebrew's Alertmanager is `alertmanager`). */
  readonly binaries: readonly string[];
  readonly debianPackage: string;
  readonly brewFormula: string;
}

export const PROMETHEUS: TestService = { binaries: ["prometheus"], debianPackage: "prometheus", brewFormula: "prometheus" };
export const PROMTOOL: TestService = { binaries: ["promtool"], debianPackage: "prometheus", brewFormula: "prometheus" };
export const ALERTMANAGER: TestService = { binaries: ["prometheus-alertmanager", "alertmanager"], debianPackage: "prometheus-alertmanager", brewFormula: "alertmanager" };

/** Every service the test suite needs. */
export const TEST_SERVICES: readonly TestService[] = [PROMETHEUS, PROMTOOL, ALERTMANAGER];

/** The one line that says how to install the given services, for Debian/Ubuntu and for macOS. */
export function installHint(services: readonly TestService[]): string {
  const unique = (names: string[]) => [...new Set(names)].join(" ");
  return `apt-get install ${unique(services.map((s) => s.debianPackage))} (Debian/Ubuntu) or brew install ${unique(services.map((s) => s.brewFormula))} (macOS)`;
}

/** A program a test needs is not installed. */
export class MissingServiceError extends Error {
  override readonly name = "MissingServiceError";
  constructor(readonly services: readonly TestService[]) {
    super(`the tests need ${services.map((s) => s.binaries.join(" or ")).join(", ")} on PATH, which this machine lacks: ${installHint(services)}`);
  }
}

function onPath(binary: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter((d) => d.length > 0)) {
    const candidate = path.join(dir, binary);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The services of `services` that are not on PATH. */
export function missingServices(services: readonly TestService[] = TEST_SERVICES, searchPath = process.env.PATH ?? ""): TestService[] {
  return services.filter((s) => s.binaries.every((b) => onPath(b, searchPath) === undefined));
}

/** The absolute path of a service's program, or a MissingServiceError that names what to install. */
export function serviceBinary(service: TestService, searchPath = process.env.PATH ?? ""): string {
  for (const binary of service.binaries) {
    const found = onPath(binary, searchPath);
    if (found) return found;
  }
  throw new MissingServiceError([service]);
}
