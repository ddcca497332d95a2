import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { ConfigError } from "./config-error";

/** A stack's settings as Pulumi hands them to the program: flat keys, structured values as JSON text. */
export interface StackSettings {
  readonly stack: string;
  readonly file: string;
  readonly values: Record<string, string>;
  /** Keys whose value is `secure:` ciphertext: offline they stay secret and unreadable. */
  readonly secretKeys: string[];
}

/** Marker used offline for a `secure:` value that only the Pulumi CLI can decrypt. */
export const OFFLINE_SECRET_PLACEHOLDER = "[secret]";

/** Stack names with a Pulumi.<stack>.yaml in the project directory. */
export function listStacks(projectDir: string): string[] {
  return fs
    .readdirSync(projectDir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Reads Pulumi.<stack>.yaml the way the Pulumi CLI presents it to a program. */
export function readStackSettings(projectDir: string, stack: string): StackSettings {
  const file = path.join(projectDir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    const known = listStacks(projectDir);
    throw new ConfigError(stack, [{ path: "--stack", message: `there is no Pulumi.${stack}.yaml in ${projectDir}`, allowed: known.join(", ") || "none yet" }], "Choose one of the existing stacks, or create the file (`pulumi stack init <name>` and `pulumi config set`).");
  }
  const document = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true });
  if (document.errors.length > 0) {
    throw new ConfigError(stack, document.errors.map((e) => ({ path: path.basename(file), message: `YAML error: ${e.message.split("\n")[0]}` })));
  }
  const content: unknown = document.toJS();
  const config = content && typeof content === "object" ? (content as { config?: unknown }).config : undefined;
  if (config === undefined || config === null) return { stack, file, values: {}, secretKeys: [] };
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new ConfigError(stack, [{ path: "config", message: "must be a mapping of config keys to values" }]);
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (value && typeof value === "object" && "secure" in value) {
      values[key] = OFFLINE_SECRET_PLACEHOLDER;
      secretKeys.push(key);
    } else {
      values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return { stack, file, values, secretKeys };
}
