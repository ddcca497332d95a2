/** What Karpenter may launch for the cluster's workloads. */
export interface KarpenterArgs {
  /** EC2 instance families, e.g. ["m7i", "c7i"]; Graviton families ("m7g") make the NodePool arm64. @default ["m7i", "m6i", "c7i", "c6i", "r7i", "r6i"] */
  readonly instanceFamilies?: readonly string[];
  /** Capacity types to launch. @default ["on-demand"] (spot only when chosen) */
  readonly capacityTypes?: readonly ("on-demand" | "spot")[];
  /** Ceiling on the vCPUs all Karpenter nodes together may have: the cost guard rail. @default 100 */
  readonly cpuLimit?: number;
  /** Encrypted gp3 root volume size of each node in GiB. @default 50 */
  readonly diskSizeGiB?: number;
  /**
   * EKS-optimised AMI alias. `@latest` rolls nodes onto each new AMI through drift; pin a dated alias
   * (e.g. "al2023@v20261101") to roll them only when you change it. @default "al2023@latest"
   */
  readonly amiAlias?: string;
}

export type KarpenterSettings = Required<{ readonly [K in keyof KarpenterArgs]: NonNullable<KarpenterArgs[K]> }>;

export const KARPENTER_DEFAULTS: KarpenterSettings = {
  instanceFamilies: ["m7i", "m6i", "c7i", "c6i", "r7i", "r6i"],
  capacityTypes: ["on-demand"],
  cpuLimit: 100,
  diskSizeGiB: 50,
  amiAlias: "al2023@latest",
};

const FAMILY = /^[a-z]+[0-9]+[a-z-]*$/;
const AMI_ALIAS = /^(al2023|al2|bottlerocket|windows2019|windows2022)@(latest|v[0-9][0-9.]*)$/;

/** The Karpenter settings with defaults filled in; every problem is reported at once, naming the field. */
export function resolveKarpenterSettings(component: string, args: KarpenterArgs = {}): KarpenterSettings {
  const settings: KarpenterSettings = {
    instanceFamilies: args.instanceFamilies ?? KARPENTER_DEFAULTS.instanceFamilies,
    capacityTypes: args.capacityTypes ?? KARPENTER_DEFAULTS.capacityTypes,
    cpuLimit: args.cpuLimit ?? KARPENTER_DEFAULTS.cpuLimit,
    diskSizeGiB: args.diskSizeGiB ?? KARPENTER_DEFAULTS.diskSizeGiB,
    amiAlias: args.amiAlias ?? KARPENTER_DEFAULTS.amiAlias,
  };
  const problems: string[] = [];
  if (settings.instanceFamilies.length === 0) problems.push("karpenter.instanceFamilies is empty (list at least one family, e.g. m7i)");
  const badFamilies = settings.instanceFamilies.filter((f) => !FAMILY.test(f));
  if (badFamilies.length > 0) problems.push(`karpenter.instanceFamilies has ${badFamilies.map((f) => `"${f}"`).join(", ")}, which are not instance families (give the family only, e.g. "m7i" not "m7i.large")`);
  if (new Set(settings.instanceFamilies.map(architectureOf)).size > 1) problems.push("karpenter.instanceFamilies mixes Graviton (arm64) and x86 families; images are single-architecture unless built multi-arch, so pick one architecture");
  if (settings.capacityTypes.length === 0) problems.push('karpenter.capacityTypes is empty (allowed: "on-demand", "spot")');
  const badTypes = settings.capacityTypes.filter((t) => t !== "on-demand" && t !== "spot");
  if (badTypes.length > 0) problems.push(`karpenter.capacityTypes has ${badTypes.map((t) => `"${String(t)}"`).join(", ")} (allowed: "on-demand", "spot")`);
  if (!Number.isInteger(settings.cpuLimit) || settings.cpuLimit <= 0) problems.push(`karpenter.cpuLimit must be a whole number of vCPUs above 0, got ${settings.cpuLimit}`);
  if (!Number.isInteger(settings.diskSizeGiB) || settings.diskSizeGiB < 20 || settings.diskSizeGiB > 16384) problems.push(`karpenter.diskSizeGiB must be a whole number of GiB in [20, 16384], got ${settings.diskSizeGiB}`);
  if (!AMI_ALIAS.test(settings.amiAlias)) problems.push(`karpenter.amiAlias "${settings.amiAlias}" is not an EKS AMI alias (e.g. "al2023@latest" or "al2023@v20261101")`);
  if (problems.length > 0) throw new Error(`${component}: ${problems.join("; ")}`);
  return settings;
}

/** CPU architecture of an instance family: Graviton families carry a "g" right after the generation. */
export function architectureOf(family: string): "arm64" | "amd64" {
  return /[0-9]g/.test(family) ? "arm64" : "amd64";
}
