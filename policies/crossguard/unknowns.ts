import { UNKNOWN } from "../../plan/model";

/**
 * The sentinels @pulumi/policy puts where a preview's value is computed (its proxy.ts, one per value
 * kind). Policies must not read them through the SDK's proxy (which throws), so the adapter copies the
 * raw inputs and turns each sentinel into the plan's UNKNOWN marker the rules understand.
 */
export const POLICY_UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (also the engine's wire-format unknown)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The key @pulumi/policy's unknown-checking proxy answers with the object it wraps. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The object behind @pulumi/policy's proxy (or the value itself when it is not proxied). */
export function unwrapProxy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const target = (value as Record<string, unknown>)[PROXY_TARGET];
  return target !== undefined && target !== true ? target : value;
}

/** A plain copy of policy inputs with every unknown sentinel replaced by UNKNOWN. */
export function normalizeUnknowns(value: unknown): unknown {
  if (typeof value === "string") return POLICY_UNKNOWN_SENTINELS.has(value) ? UNKNOWN : value;
  if (Array.isArray(value)) return value.map(normalizeUnknowns);
  if (value !== null && typeof value === "object") {
    const plain = Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;
    if (!plain) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeUnknowns(v)]));
  }
  return value;
}

/** True when any sentinel remains anywhere in the raw inputs. */
export function hasUnknownSentinel(value: unknown): boolean {
  if (typeof value === "string") return POLICY_UNKNOWN_SENTINELS.has(value);
  if (Array.isArray(value)) return value.some(hasUnknownSentinel);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasUnknownSentinel);
  return false;
}

/** Policy inputs as the rules read them. */
export function policyProps(props: unknown): Record<string, unknown> {
  const normalized = normalizeUnknowns(unwrapProxy(props));
  return normalized !== null && typeof normalized === "object" && !Array.isArray(normalized) ? (normalized as Record<string, unknown>) : {};
}
