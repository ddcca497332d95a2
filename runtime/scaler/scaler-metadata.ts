import { z } from "zod";

/**
 * The `metadata` of a ScaledObject trigger of type `external` that points at the PSE
 * (all values are strings in Kubernetes; numbers are parsed).
 */
/** A plain decimal number: no hex (`0x10`), no `Infinity`, no blanks, no empty string. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

const numberText = (name: string, check: (n: number) => boolean, rule: string) =>
  z.string().transform((text, ctx) => {
    const value = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(value) || !check(value)) {
      ctx.addIssue({ code: "custom", message: `${name} must be ${rule}, got "${text}"` });
      return z.NEVER;
    }
    return value;
  });

const schema = z.object({
  query: z.string().min(1, "query (the PromQL expression of the load, e.g. sum(rate(http_requests_total[5m]))) is required"),
  capacityPerPod: numberText("capacityPerPod", (n) => n >= 0.001, "a number ≥ 0.001 (load one pod serves at targetUtilisation; KEDA hands it to the HPA in thousandths)"),
  targetUtilisation: numberText("targetUtilisation", (n) => n > 0 && n <= 1, "in (0, 1] (the utilisation at which one pod serves capacityPerPod)").default(0.7),
  leadTimeMinutes: numberText("leadTimeMinutes", (n) => n > 0 && n <= 24 * 60, "minutes in (0, 1440] (pod start-up + node provisioning)").default(15),
  quantile: numberText("quantile", (n) => n >= 0.5 && n < 1, "in [0.5, 1)").default(0.9),
  prometheusUrl: z.url({ message: "prometheusUrl must be an http(s) URL" }).optional(),
  stepSeconds: numberText("stepSeconds", (n) => Number.isInteger(n) && n >= 15 && n <= 3600, "a whole number of seconds in [15, 3600]").default(300),
  historyDays: numberText("historyDays", (n) => n >= 1 && n <= 60, "days in [1, 60]").default(21),
  minReplicas: numberText("minReplicas", (n) => Number.isInteger(n) && n >= 0, "a whole number ≥ 0").default(1),
  maxReplicas: numberText("maxReplicas", (n) => Number.isInteger(n) && n >= 1, "a whole number ≥ 1").default(100),
  maxScaleDownFraction: numberText("maxScaleDownFraction", (n) => n >= 0 && n <= 1, "in [0, 1]").default(0.25),
  metricName: z.string().regex(/^[a-zA-Z0-9_.-]+$/, "metricName may only contain letters, digits, _ . -").optional(),
});

/** Parsed, validated scaler metadata. */
export type ScalerMetadata = z.output<typeof schema>;

/** Every problem with a ScaledObject's metadata, in one message. */
export class ScalerMetadataError extends Error {
  constructor(scaledObject: string, problems: readonly string[]) {
    super(`ScaledObject ${scaledObject}: invalid PSE trigger metadata: ${problems.join("; ")}`);
    this.name = "ScalerMetadataError";
  }
}

/** The keys a PSE trigger accepts. */
export const SCALER_METADATA_KEYS: readonly string[] = Object.keys(schema.shape);

/** Keys of KEDA's `external` trigger itself, which KEDA passes along in the metadata: known, not the PSE's. */
const KEDA_EXTERNAL_KEYS: readonly string[] = ["scalerAddress", "tlsCertFile", "caCert", "tlsClientCert", "tlsClientKey", "unsafeSsl"];

/** Every problem with the metadata at once: unknown keys (with the key meant, when one is close) and invalid values. */
export function parseScalerMetadata(scaledObject: string, metadata: Readonly<Record<string, string>>): ScalerMetadata {
  const unknown = Object.keys(metadata)
    .filter((key) => !SCALER_METADATA_KEYS.includes(key) && !KEDA_EXTERNAL_KEYS.includes(key))
    .map((key) => {
      const meant = closestKey(key, SCALER_METADATA_KEYS);
      return `unknown key "${key}"${meant ? `: did you mean "${meant}"?` : `; the keys are ${SCALER_METADATA_KEYS.join(", ")}`}`;
    });
  const result = schema.safeParse(Object.fromEntries(Object.entries(metadata).filter(([key]) => !KEDA_EXTERNAL_KEYS.includes(key))));
  const invalid = result.success ? [] : result.error.issues.map((issue) => (issue.message.includes(String(issue.path[0])) ? issue.message : `${issue.path.join(".")}: ${issue.message}`));
  if (unknown.length > 0 || !result.success) throw new ScalerMetadataError(scaledObject, [...unknown, ...invalid]);
  if (result.data.minReplicas > result.data.maxReplicas) throw new ScalerMetadataError(scaledObject, [`minReplicas (${result.data.minReplicas}) is above maxReplicas (${result.data.maxReplicas})`]);
  return result.data;
}

/** The known key within edit distance 3 of `key` (case ignored), if one is nearest. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 3 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}
