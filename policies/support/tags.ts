import { ResourceGraph } from "../graph";
import { PolicyResource } from "../model";
import { isUnknown, peek, UndecidableError } from "../values";

/** Tag maps as they appear: an object, or JSON text (provider inputs such as defaultTags are serialised). */
function tagMap(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null || value === "") return {};
  if (isUnknown(value)) throw new UndecidableError(where);
  if (typeof value === "string") {
    try {
      return tagMap(JSON.parse(value), where);
    } catch {
      throw new TypeError(`${where} is not a tag map`);
    }
  }
  if (typeof value !== "object" || Array.isArray(value)) throw new TypeError(`${where} is not a tag map`);
  return value as Record<string, unknown>;
}

const defaultTagsOf = new WeakMap<PolicyResource, Record<string, unknown>>();

/** The provider's default tags, which AWS applies to every taggable resource the provider creates. */
export function providerDefaultTags(graph: ResourceGraph, resource: PolicyResource): Record<string, unknown> {
  const provider = graph.providerOf(resource);
  if (!provider) return {};
  let tags = defaultTagsOf.get(provider);
  if (!tags) {
    tags = readDefaultTags(provider);
    defaultTagsOf.set(provider, tags);
  }
  return tags;
}

function readDefaultTags(provider: PolicyResource): Record<string, unknown> {
  const defaultTags = peek(provider.props, "defaultTags");
  if (typeof defaultTags === "string" && !isUnknown(defaultTags)) return tagMap(peek(tagMap(defaultTags, "provider defaultTags"), "tags"), "provider defaultTags.tags");
  return tagMap(peek(provider.props, "defaultTags.tags"), "provider defaultTags.tags");
}

/** Tags the resource ends up with: its provider's default tags overlaid by its own. */
export function effectiveTags(graph: ResourceGraph, resource: PolicyResource): Record<string, unknown> {
  return { ...providerDefaultTags(graph, resource), ...tagMap(peek(resource.props, "tags"), "tags") };
}
