import type { z } from "zod";
import { ConfigProblem } from "./config-error";

/** Renders a schema path as the config key the user edits: ["network","cidr"] → `icna:network.cidr`. */
export function configPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "config";
  const [head, ...rest] = path;
  const root = head === "region" ? "aws:region" : `icna:${String(head)}`;
  return rest.reduce<string>((text, part) => (typeof part === "number" ? `${text}[${part}]` : `${text}.${String(part)}`), root);
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  return JSON.stringify(value);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/** Turns zod issues into config problems that name the key, the bad value and what is allowed. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown, knownKeys: (path: readonly PropertyKey[]) => string[]): ConfigProblem[] {
  return issues.flatMap((issue): ConfigProblem[] => {
    const path = configPath(issue.path);
    const value = valueAt(input, issue.path);
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => ({
          path: configPath([...issue.path, key]),
          message: `unknown setting "${key}"`,
          allowed: knownKeys(issue.path).join(", "),
        }));
      case "invalid_value":
        return [{ path, message: `${describe(value)} is not accepted`, allowed: issue.values.map((v) => String(v)).join(", ") }];
      case "invalid_type":
        if (value === undefined) return [{ path, message: `is required but missing${issue.message.startsWith("is required") ? `: ${issue.message.replace(/^is required: /, "")}` : ""}`, allowed: article(issue.expected) }];
        return [{ path, message: `must be ${article(issue.expected)}, got ${describe(value)}` }];
      case "too_small":
        return [{ path, message: `${describe(value)} is too small`, allowed: `${Array.isArray(value) ? "at least " + String(issue.minimum) + " item(s)" : "≥ " + String(issue.minimum)}` }];
      case "too_big":
        return [{ path, message: `${describe(value)} is too large`, allowed: `${Array.isArray(value) ? "at most " + String(issue.maximum) + " item(s)" : "≤ " + String(issue.maximum)}` }];
      case "custom":
        // A setting that must be secret: never repeat its value.
        if ((issue.params as { secret?: boolean } | undefined)?.secret) return [{ path, message: issue.message }];
        return [{ path, message: `${describe(value)} ${issue.message}` }];
      case "invalid_format":
        return [{ path, message: `${describe(value)} ${issue.message}` }];
      default:
        return [{ path, message: `${describe(value)} ${issue.message}` }];
    }
  });
}
