import { UNKNOWN } from "../../review/plan/model";
import { ENGINE_UNKNOWN_SENTINELS } from "../values";

/**
 * The sentinels @pulumi/policy puts where a preview's value is computed. Policies must not read them
 * through the SDK's proxy (which throws), so the adapter copies the raw inputs and turns each
 * sentinel into the plan's UNKNOWN marker the rules understand.
 */
export const POLICY_UNKNOWN_SENTINELS = ENGINE_UNKNOWN_SENTINELS;

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
