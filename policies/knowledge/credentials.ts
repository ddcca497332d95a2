import { SECRET, UNKNOWN } from "../../review/plan/model";
import { TYPES } from "./type-tokens";

/**
 * Credentials written into a program in plaintext: how to recognise them in resource inputs and how to
 * remove them. The one source for the risk rule `plaintext-credential`, the policy
 * `no-plaintext-credentials`, the redaction of every recorded plan and loaded preview, and the LLM
 * digest's stricter redaction.
 */

/** What replaces a credential in every output; the path to it is kept. */
export const REDACTED = "[redacted]";

/** Markers that stand for values nobody can read (review/plan/model.ts): never a plaintext credential. */
const MARKERS: ReadonlySet<string> = new Set([UNKNOWN, SECRET, REDACTED]);

export type CredentialKind =
  | "AWS access key id"
  | "AWS secret access key"
  | "private key"
  | "GitHub token"
  | "Slack token"
  | "Stripe key"
  | "OpenAI key"
  | "Pulumi access token"
  | "JWT"
  | "password in a connection string"
  | "literal value of a credential-named input"
  | "literal value in a Kubernetes Secret"
  | "high-entropy string"
  | "credential (redacted when recorded)";

/** The kind of a value that was already `[redacted]` when recorded: a credential whose shape is no longer known. */
export const RECORDED_CREDENTIAL: CredentialKind = "credential (redacted when recorded)";

/** One credential found: where (a property path such as `userData` or `spec.template.spec.containers[0].env[1].value`) and what. */
export interface CredentialFinding {
  readonly path: string;
  readonly kind: CredentialKind;
}

/** Credential formats recognisable by their shape anywhere in a string (gitleaks / Checkov CKV_SECRET_* families). */
const SHAPES: readonly [CredentialKind, RegExp][] = [
  ["private key", /-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z ]*-----|$)/g],
  ["AWS access key id", /\b(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g],
  ["AWS secret access key", /(?<=(?:aws_?secret_?access_?key|secret_?access_?key)["']?\s*[=:]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi],
  ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g],
  ["GitHub token", /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g],
  ["Slack token", /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g],
  ["Stripe key", /\b[sr]k_(live|test)_[A-Za-z0-9]{20,}\b/g],
  ["OpenAI key", /\bsk-(proj-)?[A-Za-z0-9_-]{20,}\b/g],
  ["Pulumi access token", /\bpul-[a-f0-9]{40}\b/g],
  ["JWT", /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g],
  ["password in a connection string", /(?<=\b(?:postgres(?:ql)?|mysql|redis|rediss|mongodb(?:\+srv)?|amqps?|kafka):\/\/[^\s:@/]+:)[^\s@/]+(?=@)/g],
];

/** `NAME=value` / `NAME: value` assignments in scripts and env files whose name says credential. */
const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)(\s*[=:]\s*)(["']?)([^\s"'`;]+)\3/g;

/** Input names whose literal value is a credential: the name ends with one of these words. */
const CREDENTIAL_NAME = /(password|passwd|pwd|passphrase|secret|secretkey|secretaccesskey|secretstring|token|authtoken|apikey|apitoken|accesskey|privatekey|clientsecret|credentials?)$/;

/** Inputs whose text is scanned for high-entropy tokens too: scripts, environments, config data, tags. */
const FREE_TEXT_INPUTS: ReadonlySet<string> = new Set(["userData", "userDataBase64", "env", "environment", "variables", "data", "stringData", "binaryData", "tags", "tagsAll", "labels", "annotations", "containerDefinitions", "command", "args"]);

/** Long random-looking tokens: ≥ 32 characters from a key alphabet. */
const TOKEN_CANDIDATE = /[A-Za-z0-9+/=_-]{32,}/g;

const normalisedName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Names that point at a credential kept elsewhere or switch one on (`existingSecret`, `useToken`, `createSecret`): their value is not the credential. */
const REFERENCE_NAME = /^(existing|use|create|enable|disable|skip|manage|rotate|require|generate|mount|auto|has|is)/;

/** True when an input of this name holds a credential whenever it holds a literal. */
export function isCredentialName(name: string): boolean {
  const normalised = normalisedName(name);
  return CREDENTIAL_NAME.test(normalised) && !REFERENCE_NAME.test(normalised);
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / text.length) * Math.log2(n / text.length);
  return entropy;
}

/** Random-looking: letters and digits mixed, high entropy; UUIDs and hex digests identify, they do not authenticate. */
function looksLikeToken(candidate: string): boolean {
  if (/^[0-9a-f-]+$/i.test(candidate)) return false;
  return /[A-Za-z]/.test(candidate) && /[0-9]/.test(candidate) && shannonEntropy(candidate) >= 4.2;
}

/** A value that names something (an ARN, a URN, a reference) rather than holding a secret. */
function isReference(text: string): boolean {
  return /^(arn:aws[\w-]*:|urn:pulumi:)\S*$/.test(text) || /^\$\{[^}]+\}$/.test(text) || MARKERS.has(text);
}

interface TextScan {
  readonly text: string;
  readonly kinds: CredentialKind[];
}

/** Removes credentials from free text (a script, an env value, a message), saying which kinds it removed. */
export function scanText(text: string, freeText: boolean): TextScan {
  const kinds: CredentialKind[] = [];
  let out = text;
  for (const [kind, pattern] of SHAPES) {
    out = out.replace(pattern, () => {
      kinds.push(kind);
      return REDACTED;
    });
  }
  out = out.replace(ASSIGNMENT, (whole, name: string, separator: string, quote: string, value: string) => {
    if (!isCredentialName(name) || isReference(value) || value.includes(REDACTED)) return whole;
    kinds.push("literal value of a credential-named input");
    return `${name}${separator}${quote}${REDACTED}${quote}`;
  });
  if (freeText && !isReference(out)) {
    out = out.replace(TOKEN_CANDIDATE, (m) => {
      if (!looksLikeToken(m)) return m;
      kinds.push("high-entropy string");
      return REDACTED;
    });
  }
  return { text: out, kinds };
}

/** The text inside a base64 value (cloud-init user data usually is), when it decodes to readable text. */
function base64Text(value: string): string | undefined {
  const compact = value.replace(/\s+/g, "");
  if (compact.length < 16 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+=*$/.test(compact)) return undefined;
  const decoded = Buffer.from(compact, "base64").toString("utf8");
  const printable = decoded.replace(/[^\x20-\x7e\n\r\t]/g, "").length;
  return printable / Math.max(decoded.length, 1) > 0.95 ? decoded : undefined;
}

interface Walk {
  readonly found: CredentialFinding[];
  readonly secretData: (path: string) => boolean;
}

function walk(value: unknown, path: string, name: string, freeText: boolean, state: Walk): unknown {
  if (typeof value === "string") return walkString(value, path, name, freeText, state);
  if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${i}]`, name, freeText, state));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  // Container env entries and similar name/value pairs: the sibling `name` says what the value is.
  const pairName = typeof record.name === "string" && "value" in record ? record.name : undefined;
  return Object.fromEntries(
    Object.entries(record).map(([key, child]) => {
      const childPath = path ? `${path}.${key}` : key;
      const childName = key === "value" && pairName ? pairName : key;
      return [key, walk(child, childPath, childName, freeText || FREE_TEXT_INPUTS.has(key), state)];
    }),
  );
}

function walkString(value: string, path: string, name: string, freeText: boolean, state: Walk): string {
  if (value === REDACTED) {
    state.found.push({ path, kind: RECORDED_CREDENTIAL });
    return value;
  }
  if (value === "" || MARKERS.has(value)) return value;
  if (state.secretData(path)) {
    state.found.push({ path, kind: "literal value in a Kubernetes Secret" });
    return REDACTED;
  }
  if (isCredentialName(name) && !isReference(value)) {
    const shaped = scanText(value, false).kinds[0];
    state.found.push({ path, kind: shaped ?? "literal value of a credential-named input" });
    return REDACTED;
  }
  const decoded = base64Text(value);
  if (decoded !== undefined && (freeText || name === "userData")) {
    const inner = scanText(decoded, true);
    if (inner.kinds.length > 0) {
      for (const kind of new Set(inner.kinds)) state.found.push({ path, kind });
      return REDACTED;
    }
  }
  const scan = scanText(value, freeText);
  for (const kind of new Set(scan.kinds)) state.found.push({ path, kind });
  return scan.text;
}

/** Kubernetes Secret `data` and `stringData` entries: every literal there is a secret written into the program. */
function secretDataOf(type: string): (path: string) => boolean {
  if (type !== TYPES.k8sSecret) return () => false;
  return (path) => /^(data|stringData)\.[^.[]+$/.test(path);
}

/** The inputs with every plaintext credential replaced by `[redacted]`, and what was found where. */
export function redactCredentials<T extends Readonly<Record<string, unknown>>>(type: string, inputs: T): { readonly inputs: T; readonly found: readonly CredentialFinding[] } {
  const state: Walk = { found: [], secretData: secretDataOf(type) };
  const redacted = walk(inputs, "", "", false, state) as T;
  return { inputs: redacted, found: state.found };
}

/** Plaintext credentials in a resource's inputs (values already redacted when recorded count too). */
export function findCredentials(type: string, inputs: Readonly<Record<string, unknown>> | undefined): readonly CredentialFinding[] {
  return inputs ? redactCredentials(type, inputs).found : [];
}

/** Resource types whose inputs commonly carry credentials: what the policy rule declares it checks. */
export const CREDENTIAL_BEARING_TYPES: readonly string[] = [
  TYPES.launchTemplate,
  TYPES.ec2Instance,
  TYPES.lambdaFunction,
  TYPES.ecsTaskDefinition,
  TYPES.ssmParameter,
  TYPES.rdsInstance,
  TYPES.rdsCluster,
  TYPES.cacheReplicationGroup,
  TYPES.mskCluster,
  TYPES.awsProvider,
  TYPES.k8sSecret,
  TYPES.k8sConfigMap,
  TYPES.k8sDeployment,
  TYPES.k8sStatefulSet,
  TYPES.k8sDaemonSet,
  TYPES.k8sJob,
  TYPES.k8sCronJob,
  TYPES.k8sPod,
  TYPES.eksCluster,
  TYPES.eksManagedNodeGroup,
];
