import type { PlanValue } from "../../../review/plan/model";
import type { ParityFinding } from "./model";
import type { NormalisedResource } from "./normalise";

/** Inputs that pin a software version: a difference there is a version skew. */
const VERSION_KEYS = new Set(["engineVersion", "kafkaVersion", "addonVersion", "family"]);

function isVersionPath(type: string, path: string): boolean {
  const keys = path.replace(/\[\d+\]/g, "").split(".");
  const last = keys[keys.length - 1];
  if (VERSION_KEYS.has(last)) return true;
  // eks:index:Cluster takes `version` for Kubernetes and `<addon>AddonOptions.version` for add-ons.
  return (
    last === "version" &&
    (type === "eks:index:Cluster" || type === "aws:eks/cluster:Cluster") &&
    (keys.length === 1 || /AddonOptions$/.test(keys[keys.length - 2]))
  );
}

const isObject = (value: PlanValue | undefined): value is { [key: string]: PlanValue } =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Leaf-level differences between two normalised values, as [path, primary, dr]. */
export function diffValues(
  primary: PlanValue | undefined,
  dr: PlanValue | undefined,
  path = "",
): [string, PlanValue | undefined, PlanValue | undefined][] {
  if (isObject(primary) && isObject(dr)) {
    const keys = [...new Set([...Object.keys(primary), ...Object.keys(dr)])].sort();
    return keys.flatMap((key) => diffValues(primary[key], dr[key], join(path, key)));
  }
  if (Array.isArray(primary) && Array.isArray(dr) && primary.length === dr.length) {
    return primary.flatMap((item, i) => diffValues(item, dr[i], `${path}[${i}]`));
  }
  return JSON.stringify(primary) === JSON.stringify(dr) ? [] : [[path, primary, dr]];
}

const show = (value: PlanValue | undefined) => (value === undefined ? "absent" : JSON.stringify(value));

/**
 * Every difference between two normalised plans: resources present on one side only, and for resources on
 * both, each differing input and `protect`. Versions are reported as version skews.
 */
export function comparePlans(
  primary: ReadonlyMap<string, NormalisedResource>,
  dr: ReadonlyMap<string, NormalisedResource>,
): ParityFinding[] {
  const findings: ParityFinding[] = [];
  for (const [key, p] of primary) {
    const d = dr.get(key);
    if (!d) {
      findings.push({
        kind: "missing-component",
        resourceType: p.type,
        resourceName: p.name,
        message: `${p.type} "${p.name}" is in the primary plan but not in the DR plan`,
      });
      continue;
    }
    if (p.protect !== d.protect) {
      findings.push({
        kind: "input-difference",
        resourceType: p.type,
        resourceName: p.name,
        path: "(protect)",
        primary: p.protect,
        dr: d.protect,
        message: `protect is ${p.protect} in the primary and ${d.protect} in DR`,
      });
    }
    for (const [path, pv, dv] of diffValues(p.inputs, d.inputs)) {
      const version = isVersionPath(p.type, path);
      findings.push({
        kind: version ? "version-skew" : "input-difference",
        resourceType: p.type,
        resourceName: p.name,
        path,
        ...(pv === undefined ? {} : { primary: pv }),
        ...(dv === undefined ? {} : { dr: dv }),
        message: `${version ? "version" : "input"} ${path} is ${show(pv)} in the primary and ${show(dv)} in DR`,
      });
    }
  }
  for (const [key, d] of dr) {
    if (!primary.has(key))
      findings.push({
        kind: "extra-component",
        resourceType: d.type,
        resourceName: d.name,
        message: `${d.type} "${d.name}" is in the DR plan but not in the primary plan`,
      });
  }
  return findings;
}
