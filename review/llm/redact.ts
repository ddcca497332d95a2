import { PlanValue, SECRET } from "../plan/model";

export const REDACTED = "[redacted]";

/** Input names whose values are credentials whatever they look like. */
export const SECRET_KEY = /(pass(word|wd|phrase)?|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|auth|credential|kubeconfig|certificate|cert[-_]?data|connection[-_]?string|session|cookie|signature|bearer)/i;

/** Credential formats recognisable by shape, anywhere in a string. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----[\s\S]*?(-----END [A-Z ]*-----|$)/g,
  /\b(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g,
  /\bsk-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g,
  /\bpul-[a-f0-9]{40}\b/g,
  /\b(?:postgres(?:ql)?|mysql|redis|rediss|mongodb(?:\+srv)?|amqps?|kafka):\/\/[^\s:@/]+:[^\s@/]+@/g,
];

/** Long random-looking tokens: ≥ 32 characters from a key alphabet, with letters and digits mixed and high entropy. */
const TOKEN_CANDIDATE = /[A-Za-z0-9+/=_-]{32,}/g;

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / text.length) * Math.log2(n / text.length);
  return entropy;
}

function looksLikeToken(candidate: string): boolean {
  if (/^[0-9a-f-]{36}$/i.test(candidate) && candidate.includes("-")) return false; // UUIDs identify, they do not authenticate
  return /[A-Za-z]/.test(candidate) && /[0-9]/.test(candidate) && shannonEntropy(candidate) >= 4;
}

/** Removes credential-looking substrings from free text. */
export function redactText(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
  // ARNs and URNs name resources (their ids look random but authenticate nothing) and the review needs them.
  if (/^(arn:aws[\w-]*:|urn:pulumi:)\S*$/.test(out)) return out;
  return out.replace(TOKEN_CANDIDATE, (m) => (looksLikeToken(m) ? REDACTED : m));
}

/** Redacts a plan value: secret markers and secret-named inputs are dropped, credential-shaped strings removed. */
export function redactValue(value: PlanValue | undefined, key = ""): PlanValue | undefined {
  if (value === undefined) return undefined;
  if (key && SECRET_KEY.test(key) && value !== null && !(typeof value === "boolean")) return REDACTED;
  if (value === SECRET) return REDACTED;
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v) ?? null);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k) ?? null]));
  }
  return value;
}
