import { REDACTED, scanText } from "../../policies/knowledge/credentials";
import { PlanValue, SECRET } from "../plan/model";

/**
 * What goes to the LLM is redacted more strictly than what the review prints: on top of the
 * credential shapes of policies/knowledge/credentials.ts (the one source of them), any value under
 * a name that might carry a credential or a session leaves as `[redacted]`, whatever it looks like.
 */
const LLM_SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|auth|credential|kubeconfig|certificate|cert[-_]?data|connection[-_]?string|session|cookie|signature|bearer)/i;

/** Removes credential-looking substrings from free text (shapes and high-entropy tokens). */
export function redactText(text: string): string {
  return scanText(text, true).text;
}

/** Redacts a plan value for the LLM: secret markers and secret-named inputs are dropped, credential-shaped strings removed. */
export function redactValue(value: PlanValue | undefined, key = ""): PlanValue | undefined {
  if (value === undefined) return undefined;
  if (key && LLM_SECRET_KEY.test(key) && value !== null && !(typeof value === "boolean")) return REDACTED;
  if (value === SECRET) return REDACTED;
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v) ?? null);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k) ?? null]));
  }
  return value;
}
