import { PolicyResource } from "./model";
import { isSecret, isUnknown, peek, PropertyPath } from "./values";

/** The types in a URN's qualified type (`parentType$childType`): the resource's own and its ancestors'. */
export function typeChainOfUrn(urn: string): string[] {
  const parts = urn.split("::");
  return parts.length >= 4 ? parts[2].split("$") : [];
}

/** True when the source recorded which inputs each dependency comes from (the engine does; an offline plan may not). */
export function hasPerInputDependencies(resource: PolicyResource): boolean {
  return resource.propertyDependencies !== undefined && Object.keys(resource.propertyDependencies).length > 0;
}

/** Which resources an input refers to, as far as the preview lets us tell. */
export interface References {
  /** Resources of the stack the input refers to. */
  readonly resources: PolicyResource[];
  /** Known values that match no resource of the stack (e.g. an existing security group id). */
  readonly external: string[];
  /** Values that are unknown and could not be traced through dependencies. */
  readonly unresolved: number;
}

export interface ReferenceOptions {
  /** Resource types the input can refer to. */
  readonly types: readonly string[];
  /** Where the value sits when it is nested (defaults to the input itself), e.g. `vpcConfig.securityGroupIds`. */
  readonly valuePath?: PropertyPath;
  /**
   * Trace unknown values through the flat dependency list when the source has no per-input
   * dependencies (an offline plan). Only safe when no other input of the resource refers to these types.
   */
  readonly viaDependencies?: boolean;
  /** Resources already attributed to another input (excluded from the dependency fallback). */
  readonly exclude?: readonly PolicyResource[];
  /** Props whose known value identifies a resource. @default ["id", "arn"] */
  readonly keyProps?: readonly string[];
}

/**
 * The resources of one stack with the lookups rules need: by URN, by type, parents, providers and
 * "which resources does this input refer to" (by URN, by known id, or through dependencies).
 */
export class ResourceGraph {
  private readonly byUrnIndex = new Map<string, PolicyResource>();
  private readonly byTypeIndex = new Map<string, PolicyResource[]>();
  private readonly byKeyIndex = new Map<string, Map<string, PolicyResource>>();

  constructor(readonly resources: readonly PolicyResource[]) {
    for (const resource of resources) {
      if (resource.urn) this.byUrnIndex.set(resource.urn, resource);
      const sameType = this.byTypeIndex.get(resource.type);
      if (sameType) sameType.push(resource);
      else this.byTypeIndex.set(resource.type, [resource]);
    }
  }

  static readonly empty = new ResourceGraph([]);

  byUrn(urn: string | undefined): PolicyResource | undefined {
    return urn === undefined ? undefined : this.byUrnIndex.get(urn);
  }

  ofType(...types: readonly string[]): PolicyResource[] {
    return types.flatMap((t) => this.byTypeIndex.get(t) ?? []);
  }

  /** Parent, grandparent… of a resource, nearest first. */
  ancestors(resource: PolicyResource): PolicyResource[] {
    const chain: PolicyResource[] = [];
    const seen = new Set<string>();
    let parent = this.byUrn(resource.parent);
    while (parent && parent.urn && !seen.has(parent.urn)) {
      seen.add(parent.urn);
      chain.push(parent);
      parent = this.byUrn(parent.parent);
    }
    return chain;
  }

  hasAncestorOfType(resource: PolicyResource, types: readonly string[]): boolean {
    if (resource.parent && typeChainOfUrn(resource.parent).some((t) => types.includes(t))) return true;
    return this.ancestors(resource).some((a) => types.includes(a.type));
  }

  /** The explicit provider of a resource, when it is part of the stack. */
  providerOf(resource: PolicyResource): PolicyResource | undefined {
    const ref = resource.provider;
    if (!ref) return undefined;
    return this.byUrn(ref) ?? this.byUrn(ref.slice(0, ref.lastIndexOf("::")));
  }

  /** The resource whose known `key` prop equals `value` (e.g. a security group by id). */
  byKey(key: string, value: string): PolicyResource | undefined {
    let index = this.byKeyIndex.get(key);
    if (!index) {
      index = new Map();
      for (const resource of this.resources) {
        const v = resource.props[key];
        if (typeof v === "string" && !isUnknown(v) && !isSecret(v) && v !== "") index.set(v, resource);
      }
      this.byKeyIndex.set(key, index);
    }
    return index.get(value);
  }

  /** Which resources `property` of `resource` refers to. */
  references(resource: PolicyResource, property: string, options: ReferenceOptions): References {
    const raw = peek(resource.props, options.valuePath ?? property);
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const found: PolicyResource[] = [];
    const external: string[] = [];
    let pending = 0;
    for (const value of values) {
      if (typeof value !== "string" || isUnknown(value) || isSecret(value)) {
        if (value !== undefined && value !== null) pending++;
        continue;
      }
      const target = this.byUrn(value) ?? (options.keyProps ?? ["id", "arn"]).map((k) => this.byKey(k, value)).find((r) => r !== undefined);
      if (target && options.types.includes(target.type)) found.push(target);
      else external.push(value);
    }
    let unresolved = 0;
    if (pending > 0) {
      const perInput = resource.propertyDependencies?.[property];
      const exclude = new Set((options.exclude ?? []).map((r) => r.urn));
      const urns = perInput ?? (options.viaDependencies && !hasPerInputDependencies(resource) ? resource.dependencies ?? [] : []);
      const candidates = urns
        .map((urn) => this.byUrn(urn))
        .filter((r): r is PolicyResource => r !== undefined && options.types.includes(r.type) && !exclude.has(r.urn));
      if (candidates.length > 0) found.push(...candidates);
      else unresolved = pending;
    }
    return { resources: [...new Set(found)], external, unresolved };
  }
}
