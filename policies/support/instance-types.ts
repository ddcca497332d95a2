/** EC2-style instance type names as AWS services use them: `m6i.large`, `db.r6g.xlarge`, `cache.t4g.small`, `kafka.m7g.large`. */
export interface InstanceType {
  readonly text: string;
  /** `db`, `cache`, `kafka` or "" for EC2. */
  readonly service: string;
  /** e.g. `r6g`, `m6id`, `t4g`. */
  readonly family: string;
  /** e.g. `r`, `m`, `t`, `inf`. */
  readonly category: string;
  readonly generation: number;
  /** e.g. `large`, `2xlarge`, `metal`. */
  readonly size: string;
}

const PATTERN = /^(?:(db|cache|kafka)\.)?(([a-z]+)(\d+)[a-z-]*)\.([a-z0-9-]+)$/;

export function parseInstanceType(text: string): InstanceType | undefined {
  const match = PATTERN.exec(text.trim());
  if (!match) return undefined;
  return { text, service: match[1] ?? "", family: match[2], category: match[3], generation: Number(match[4]), size: match[5] };
}

/** vCPU-scale rank of a size: large = 1, xlarge = 2, 2xlarge = 4… metal counts as 96xlarge. */
export function sizeRank(size: string): number {
  const small: Record<string, number> = { nano: 0.0625, micro: 0.125, small: 0.25, medium: 0.5, large: 1 };
  if (size in small) return small[size];
  if (size === "xlarge") return 2;
  const multiple = /^(\d+)xlarge$/.exec(size);
  if (multiple) return Number(multiple[1]) * 2;
  if (size.startsWith("metal")) return 192;
  return Number.POSITIVE_INFINITY;
}
