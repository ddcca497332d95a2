import * as path from "node:path";
import { readStackSettings } from "../stacks/config/stack-file";

export const PROJECT_ROOT = path.resolve(__dirname, "..");

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
