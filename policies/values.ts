import { SECRET, UNKNOWN } from "../review/plan/model";

/**
 * Reading resource inputs that may not be known yet. In a preview a computed value (an id, an ARN, an
 * endpoint) is unknown; a rule that needs it cannot decide and must neither crash nor report. Readers
 * throw UndecidableError, which the engine turns into an "undecided" result for that rule.
 */
export class UndecidableError extends Error {
  constructor(readonly path: string) {
    super(`${path || "the resource"} is not known until the deployment runs`);
    this.name = "UndecidableError";
  }
}

/** A property path: `vpcConfig.endpointPublicAccess`, `spec.template.spec`, `ingress.0.cidrBlocks`. */
export type PropertyPath = string | readonly (string | number)[];

export type Props = Readonly<Record<string, unknown>>;

/**
 * The engine's markers for computed values, one per value kind (@pulumi/policy proxy.ts; the string
 * one is also the wire format's). Inputs should arrive with UNKNOWN instead, but a preview's props
 * pasted into `icna policy check` carry these, so they read as unknown too.
 */
export const ENGINE_UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN || (typeof value === "string" && ENGINE_UNKNOWN_SENTINELS.has(value));
}

export function isSecret(value: unknown): boolean {
  return value === SECRET;
}

/** True when the value, or anything inside it, is unknown. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

function keysOf(path: PropertyPath): (string | number)[] {
  if (typeof path !== "string") return [...path];
  return path === "" ? [] : path.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

function describe(path: PropertyPath): string {
  return typeof path === "string" ? path : path.join(".");
}

/**
 * The raw value at `path` (markers included): undefined when absent or null. Throws UndecidableError
 * when a container on the way is unknown (its contents cannot be read).
 */
export function peek(props: unknown, path: PropertyPath): unknown {
  let node: unknown = props;
  const keys = keysOf(path);
  for (let i = 0; i < keys.length; i++) {
    if (node === undefined || node === null) return undefined;
    if (isUnknown(node) || isSecret(node)) throw new UndecidableError(describe(keys.slice(0, i)));
    if (typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[keys[i]];
  }
  return node === null ? undefined : node;
}

/** The value at `path`, which must be known (a secret counts as unknown: its content cannot be read). */
export function known(props: unknown, path: PropertyPath): unknown {
  const value = peek(props, path);
  if (isUnknown(value) || isSecret(value)) throw new UndecidableError(describe(path));
  return value;
}

/** True when the input is set: an unknown or secret value counts as set (it will hold something). */
export function isSet(props: unknown, path: PropertyPath): boolean {
  const value = peek(props, path);
  if (value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function typeError(path: PropertyPath, expected: string, value: unknown): Error {
  return new TypeError(`${describe(path)} should be ${expected} but is ${JSON.stringify(value)}`);
}

/** A known boolean (`"true"`/`"false"` strings accepted), or undefined when absent. */
export function bool(props: unknown, path: PropertyPath): boolean | undefined {
  const value = known(props, path);
  if (value === undefined || typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw typeError(path, "a boolean", value);
}

/** A known number (numeric strings accepted), or undefined when absent. */
export function num(props: unknown, path: PropertyPath): number | undefined {
  const value = known(props, path);
  if (value === undefined || typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  throw typeError(path, "a number", value);
}

/** A known string, or undefined when absent or empty. */
export function str(props: unknown, path: PropertyPath): string | undefined {
  const value = known(props, path);
  if (value === undefined || value === "") return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw typeError(path, "a string", value);
}

/** A known array (its elements may still be unknown), or undefined when absent. */
export function list(props: unknown, path: PropertyPath): readonly unknown[] | undefined {
  const value = known(props, path);
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value;
  throw typeError(path, "a list", value);
}

/** A known object (its members may still be unknown), or undefined when absent. */
export function record(props: unknown, path: PropertyPath): Props | undefined {
  const value = known(props, path);
  if (value === undefined) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) return value as Props;
  throw typeError(path, "an object", value);
}

/** A list of strings that must all be known (e.g. log types, CIDR blocks). */
export function knownStrings(props: unknown, path: PropertyPath): string[] | undefined {
  const items = list(props, path);
  if (items === undefined) return undefined;
  return items.map((item, i) => {
    if (isUnknown(item) || isSecret(item)) throw new UndecidableError(`${describe(path)}.${i}`);
    if (typeof item !== "string") throw typeError(`${describe(path)}.${i}`, "a string", item);
    return item;
  });
}

/** The known strings of a list, and how many entries are still unknown. */
export function partialStrings(props: unknown, path: PropertyPath): { known: string[]; unknown: number } | undefined {
  const items = list(props, path);
  if (items === undefined) return undefined;
  const result = { known: [] as string[], unknown: 0 };
  for (const item of items) {
    if (typeof item === "string" && !isUnknown(item) && !isSecret(item)) result.known.push(item);
    else if (item !== null && item !== undefined) result.unknown++;
  }
  return result;
}

/** A string-to-string map (tags, labels) whose entries may be unknown; throws if the map itself is. */
export function stringMap(props: unknown, path: PropertyPath): Record<string, string> | undefined {
  const map = record(props, path);
  if (map === undefined) return undefined;
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => typeof e[1] === "string"));
}
