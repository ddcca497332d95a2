import { PlanValue } from "../plan/model";

/** Appends a key to a property path the way Pulumi prints them: `a.b`, `a[0]`, `tags["kubernetes.io/role"]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  const plain = /^[A-Za-z_$][\w$-]*$/.test(key);
  if (!plain) return `${base}[${JSON.stringify(key)}]`;
  return base ? `${base}.${key}` : key;
}

/** Splits a property path into keys: `a.b[0]["x.y"]` → ["a", "b", 0, "x.y"]. */
export function splitPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else if (match[3] !== undefined) keys.push(JSON.parse(`"${match[3]}"`) as string);
  }
  return keys;
}

/** The value at a property path, or undefined. */
export function valueAt(root: PlanValue | undefined, path: string): PlanValue | undefined {
  let node: PlanValue | undefined = root;
  for (const key of splitPath(path)) {
    if (node === null || node === undefined || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? (typeof key === "number" ? node[key] : undefined) : (node as Record<string, PlanValue>)[String(key)];
  }
  return node;
}

/**
 * The leaf paths where two input trees differ. A marker ("[unknown]", "[secret]") that stays a marker
 * is not a difference we can see; a value that becomes unknown is reported as changed.
 */
export function diffPaths(oldValue: PlanValue | undefined, newValue: PlanValue | undefined, base = ""): string[] {
  if (oldValue === newValue) return [];
  const bothObjects = isObject(oldValue) && isObject(newValue);
  const bothArrays = Array.isArray(oldValue) && Array.isArray(newValue);
  if (bothArrays) {
    const a = oldValue as PlanValue[];
    const b = newValue as PlanValue[];
    const paths: string[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) paths.push(...diffPaths(a[i], b[i], joinPath(base, i)));
    return paths;
  }
  if (bothObjects) {
    const a = oldValue as Record<string, PlanValue>;
    const b = newValue as Record<string, PlanValue>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => diffPaths(a[key], b[key], joinPath(base, key)));
  }
  if (JSON.stringify(oldValue) === JSON.stringify(newValue)) return [];
  return [base || "(root)"];
}

function isObject(value: PlanValue | undefined): value is Record<string, PlanValue> {
  return value !== null && value !== undefined && typeof value === "object" && !Array.isArray(value);
}

/** True when a path equals `prefix` or lies under it (`a.b` is under `a`, `a[0]` under `a`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
}
