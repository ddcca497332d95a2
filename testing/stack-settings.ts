import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readStackSettings } from "../stacks/config/stack-file";

export const PROJECT_ROOT = path.resolve(__dirname, "..");

/** The stacks the repository ships. A checkout may hold more (a user's own Pulumi.staging.yaml): tests must not depend on which. */
export const SHIPPED_STACKS = ["dev", "dr", "prod"] as const;

/** A new temporary project directory holding Pulumi.yaml and the shipped stacks' files, and nothing else of the checkout's stack set. */
export function shippedStacksProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "icna-project-"));
  for (const file of ["Pulumi.yaml", ...SHIPPED_STACKS.map((stack) => `Pulumi.${stack}.yaml`)]) fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(dir, file));
  return dir;
}

/** The shipped stack's flat settings, to start a test from a valid config and change one field. */
export function shippedSettings(stack: "dev" | "prod" | "dr"): Record<string, string> {
  return { ...readStackSettings(PROJECT_ROOT, stack).values };
}

/** Returns settings with one structured key edited. */
export function withEdit(settings: Record<string, string>, key: string, edit: (value: Record<string, unknown>) => void): Record<string, string> {
  const value = JSON.parse(settings[key]) as Record<string, unknown>;
  edit(value);
  return { ...settings, [key]: JSON.stringify(value) };
}
