import { PolicyResource } from "../model";

/** A deep copy, so a case can change one field without touching the shared fixture. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Sets dotted paths on a copy of the props (`"vpcConfig.endpointPublicAccess": true`); `undefined`
 * removes the field.
 */
export function withProps(resource: PolicyResource, changes: Readonly<Record<string, unknown>>): PolicyResource {
  const props = clone(resource.props) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split(".");
    let node: Record<string, unknown> = props;
    for (const key of keys.slice(0, -1)) {
      if (node[key] === undefined || node[key] === null || typeof node[key] !== "object") node[key] = /^\d+$/.test(key) ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return { ...resource, props };
}

/** A change to the compliant stack. */
export type StackChange =
  | { readonly set: string; readonly props: Readonly<Record<string, unknown>> }
  | { readonly set: string; readonly options: Partial<Pick<PolicyResource, "protect" | "dependencies" | "propertyDependencies" | "provider" | "parent">> }
  | { readonly add: PolicyResource }
  | { readonly remove: string };

/** Applies changes to a stack by resource name. */
export function applyChanges(stack: readonly PolicyResource[], changes: readonly StackChange[]): PolicyResource[] {
  let result = stack.map((r) => r);
  for (const change of changes) {
    if ("add" in change) {
      result.push(change.add);
      continue;
    }
    if ("remove" in change) {
      if (!result.some((r) => r.name === change.remove)) throw new Error(`no resource named ${change.remove} in the fixture`);
      result = result.filter((r) => r.name !== change.remove);
      continue;
    }
    const index = result.findIndex((r) => r.name === change.set);
    if (index < 0) throw new Error(`no resource named ${change.set} in the fixture`);
    result[index] = "props" in change ? withProps(result[index], change.props) : { ...result[index], ...change.options };
  }
  return result;
}

/** Shorthand for a props change. */
export function set(name: string, props: Readonly<Record<string, unknown>>): StackChange {
  return { set: name, props };
}
