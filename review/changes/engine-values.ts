import { PlanValue } from "../plan/model";
import { toPlanValue } from "../plan/property-values";

/**
 * Engine state values → plan values: the engine's unknown sentinel becomes "[unknown]", secrets
 * "[secret]", resource references their URN; `__defaults`, `__meta` and other `__` bookkeeping keys
 * the providers add are dropped, since nobody wrote them.
 */
export function inputsFromEngine(raw: unknown): Record<string, PlanValue> | undefined {
  if (raw === undefined || raw === null) return undefined;
  const value = stripBookkeeping(toPlanValue(raw));
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function stripBookkeeping(value: PlanValue): PlanValue {
  if (Array.isArray(value)) return value.map(stripBookkeeping);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith("__")).map(([k, v]) => [k, stripBookkeeping(v)]));
  }
  return value;
}
