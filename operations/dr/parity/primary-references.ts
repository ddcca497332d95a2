import type { PlanResource, PlanValue } from "../../../review/plan/model";
import type { ParityFinding } from "./model";
import { normaliseString, Normaliser } from "./normalise";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Patterns that name the primary region: its EKS OIDC issuers and its regional ARNs (`arn:aws:<service>:<region>:`). */
function primaryRegionPatterns(primaryRegion: string): { what: string; pattern: RegExp }[] {
  const region = escape(primaryRegion);
  return [
    {
      what: "the primary region's EKS OIDC issuer (IRSA trust must name the DR cluster's issuer)",
      pattern: new RegExp(`oidc\\.eks\\.${region}\\.amazonaws\\.com`),
    },
    { what: "an ARN in the primary region", pattern: new RegExp(`arn:aws[a-z-]*:[a-z0-9-]+:${region}:`) },
  ];
}

function strings(value: PlanValue, path: string): [string, string][] {
  if (typeof value === "string") {
    // JSON documents (IAM trust and key policies) are inputs as text: scan them as text too.
    return [[path, value]];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** Every DR input that still names the primary region (raw text, so nothing is hidden by normalisation). */
export function findPrimaryReferences(
  drResources: readonly PlanResource[],
  primaryRegion: string,
  drNormaliser: Normaliser,
): ParityFinding[] {
  const patterns = primaryRegionPatterns(primaryRegion);
  const findings: ParityFinding[] = [];
  for (const resource of drResources) {
    for (const [path, text] of strings(resource.inputs, "")) {
      const hit = patterns.find(({ pattern }) => pattern.test(text));
      if (!hit) continue;
      const excerpt = text.match(hit.pattern)?.[0] ?? text;
      findings.push({
        kind: "primary-reference",
        resourceType: resource.type,
        resourceName: normaliseString(resource.name, drNormaliser),
        path,
        dr: text.length > 300 ? `${text.slice(0, 300)}…` : text,
        message: `${path} names ${hit.what} ("${excerpt}…")`,
      });
    }
  }
  return findings;
}
