import { parseCidr } from "../../../components/network/cidr";
import type { PlanResource, PlanValue } from "../../../review/plan/model";
import type { StackConfig } from "../../../stacks/config/stack-config";

/** One rewrite applied to every string of a plan before the two plans are compared. */
export interface Substitution {
  /** Placeholder both stacks' values become, e.g. `{region}`. */
  readonly placeholder: string;
  /** The text this stack uses in its place. */
  readonly text: string;
}

/** How one stack's plan is brought to a region- and stack-independent form. */
export interface Normaliser {
  readonly substitutions: readonly Substitution[];
  /** The stack's VPC block: addresses inside it become `{vpc}+<offset>/<prefix>`. */
  readonly vpcCidr: string;
}

/**
 * The normalisations of a stack: its name prefix, URN stack segment, region (which also covers AZ names),
 * public hostname and hosted zone. Longer texts are replaced first so a hostname inside another survives.
 */
export function normaliserFor(config: StackConfig): Normaliser {
  const substitutions: Substitution[] = [
    { placeholder: "urn:pulumi:{stack}::", text: `urn:pulumi:${config.stack}::` },
    { placeholder: "icna-{stack}", text: config.namePrefix },
    { placeholder: "{region}", text: config.region },
    { placeholder: "{hostname}", text: config.traffic.hostname },
    { placeholder: "{hosted-zone}", text: config.traffic.hostedZoneId },
  ];
  substitutions.sort((a, b) => b.text.length - a.text.length);
  return { substitutions, vpcCidr: config.network.cidr };
}

const ADDRESS = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(\/\d{1,2})?$/;

/** `10.40.32.0/19` inside `10.40.0.0/16` becomes `{vpc}+8192/19`: the same layout in another block compares equal. */
function normaliseAddress(text: string, vpcCidr: string): string | undefined {
  const match = ADDRESS.exec(text);
  if (!match) return undefined;
  const vpc = parseCidr(vpcCidr);
  const value = parseCidr(`${match[1]}${match[2] ?? "/32"}`);
  if (typeof vpc === "string" || typeof value === "string") return undefined;
  const mask = vpc.prefix === 0 ? 0 : (~0 << (32 - vpc.prefix)) >>> 0;
  if (value.prefix < vpc.prefix || (value.base & mask) >>> 0 !== vpc.base) return undefined;
  return `{vpc}+${value.base - vpc.base}${match[2] ?? ""}`;
}

export function normaliseString(text: string, normaliser: Normaliser): string {
  const address = normaliseAddress(text, normaliser.vpcCidr);
  if (address !== undefined) return address;
  let result = text;
  for (const { placeholder, text: original } of normaliser.substitutions) {
    if (original) result = result.split(original).join(placeholder);
  }
  return result;
}

function normaliseValue(value: PlanValue, normaliser: Normaliser): PlanValue {
  if (typeof value === "string") return normaliseString(value, normaliser);
  if (Array.isArray(value)) return value.map((v) => normaliseValue(v, normaliser));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [normaliseString(k, normaliser), normaliseValue(v, normaliser)]),
    );
  }
  return value;
}

/** A resource in stack-independent terms: the key two plans are matched on, and its normalised inputs. */
export interface NormalisedResource {
  /** `<type>::<normalised name>`. */
  readonly key: string;
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, PlanValue>;
  readonly protect: boolean;
  readonly original: PlanResource;
}

export function normaliseResource(resource: PlanResource, normaliser: Normaliser): NormalisedResource {
  const name = normaliseString(resource.name, normaliser);
  const inputs = normaliseValue(resource.inputs, normaliser) as Record<string, PlanValue>;
  return {
    key: `${resource.type}::${name}`,
    type: resource.type,
    name,
    inputs,
    protect: resource.protect,
    original: resource,
  };
}
