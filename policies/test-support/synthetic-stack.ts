import { PolicyResource } from "../model";
import { clone, set, StackChange, applyChanges } from "./change";
import { compliantStack } from "./compliant-stack";

/** Changes that break one rule each, applied to a share of the copies so the engine also reports. */
const BREAKAGES: readonly StackChange[][] = [
  [set("postgres", { publiclyAccessible: true })],
  [set("redis", { atRestEncryptionEnabled: false })],
  [set("ingress-alb", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] })],
  [set("blue", { endpointPublicAccess: true })],
  [set("api", { "spec.template.spec.containers.0.image": "ghcr.io/icna/api:latest" })],
  [set("data-key", { enableKeyRotation: false })],
];

function renamer(copy: number): (value: string) => string {
  return (value) => value.replace(/::([^:]+)$/, `::$1-${copy}`).replace(/::([^:]+)::([^:]+-id)$/, `::$1-${copy}::$2`);
}

/** One copy of the compliant stack with every name and URN suffixed, references included. */
function copyOf(stack: readonly PolicyResource[], copy: number): PolicyResource[] {
  const rename = renamer(copy);
  const urns = new Map(stack.map((r) => [r.urn!, rename(r.urn!)]));
  const remap = (value: unknown): unknown => {
    if (typeof value === "string") return urns.get(value) ?? value;
    if (Array.isArray(value)) return value.map(remap);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, remap(v)]));
    return value;
  };
  return stack.map((r) => ({
    ...r,
    name: `${r.name}-${copy}`,
    urn: urns.get(r.urn!),
    props: remap(clone(r.props)) as Record<string, unknown>,
    parent: r.parent ? (urns.get(r.parent) ?? r.parent) : undefined,
    dependencies: (r.dependencies ?? []).map((d) => urns.get(d) ?? d),
    provider: r.provider ? `${urns.get(r.provider.slice(0, r.provider.lastIndexOf("::"))) ?? r.provider.slice(0, r.provider.lastIndexOf("::"))}${r.provider.slice(r.provider.lastIndexOf("::"))}` : undefined,
  }));
}

/**
 * A plan of about `size` resources: copies of the compliant prod stack (one platform each), every
 * `breakEvery`-th copy carrying one violation.
 */
export function syntheticStack(size: number, breakEvery = 4): PolicyResource[] {
  const base = compliantStack();
  const copies = Math.ceil(size / base.length);
  const resources: PolicyResource[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const broken = copy % breakEvery === 0 ? applyChanges(base, BREAKAGES[(copy / breakEvery) % BREAKAGES.length]) : base;
    resources.push(...copyOf(broken, copy));
  }
  return resources.slice(0, size);
}
