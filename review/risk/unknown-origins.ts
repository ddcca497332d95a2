import { parsePolicyDocument } from "../../policies/support/iam";
import { containsUnknown, isUnknown } from "../../policies/values";
import { Change } from "../changes/change";
import { isUnder, valueAt } from "../changes/property-paths";

/** What an unknown input decides, for grouping the "decided at deploy" notes. */
export type UnknownKind = "iam-document" | "network-exposure" | "data-safeguard";

/** Inputs whose unknown value hides whether the change is safe, by kind. */
export const SENSITIVE_INPUTS: Readonly<Record<string, UnknownKind>> = {
  policy: "iam-document",
  assumeRolePolicy: "iam-document",
  inlinePolicies: "iam-document",
  policyArn: "iam-document",
  ingress: "network-exposure",
  cidrBlocks: "network-exposure",
  cidrIpv4: "network-exposure",
  cidrIpv6: "network-exposure",
  publiclyAccessible: "network-exposure",
  vpcConfig: "network-exposure",
  deletionProtection: "data-safeguard",
  skipFinalSnapshot: "data-safeguard",
  forceDestroy: "data-safeguard",
};

const IAM_DOCUMENT_INPUTS: ReadonlySet<string> = new Set(["policy", "assumeRolePolicy"]);

const topInput = (path: string) => path.split(/[.[]/)[0];

/**
 * A partly unknown IAM document whose structure is known (an object with an unknown ARN as Resource or
 * Principal) is judged on that structure by the IAM rules: an unknown is a resource's output, never a
 * wildcard (config values are known at preview). Only a document that cannot be read stays unknown.
 */
function readableOnItsShape(change: Change, path: string): boolean {
  if (!IAM_DOCUMENT_INPUTS.has(path)) return false;
  const value = valueAt(change.newInputs, path);
  if (isUnknown(value)) return false;
  try {
    parsePolicyDocument(value, path);
    return true;
  } catch {
    return false;
  }
}

/** The sensitive inputs of a change that the preview does not know and no rule could judge on their shape. */
export function unknownSensitivePaths(change: Change): string[] {
  const sensitive = Object.keys(SENSITIVE_INPUTS);
  const candidates = change.op === "create" ? sensitive : change.changedPaths.filter((p) => sensitive.some((s) => isUnder(p, s) || topInput(p) === s));
  return [...new Set(candidates)].filter((path) => containsUnknown(valueAt(change.newInputs, path)) && !readableOnItsShape(change, path));
}

/**
 * Where an unknown input comes from: the resources of this plan it is computed from (the per-input
 * dependencies when the format records them, else the resource's dependencies), or undefined when it
 * comes from something the plan does not show.
 */
export function unknownOrigin(change: Change, path: string, inPlan: (urn: string) => boolean): string[] | undefined {
  const recorded = change.propertyDependencies;
  const from = recorded ? (recorded[topInput(path)] ?? []) : change.dependencies;
  if (from.length === 0 || !from.every(inPlan)) return undefined;
  return [...from];
}
