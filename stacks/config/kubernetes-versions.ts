/**
 * Amazon EKS Kubernetes versions with their support windows (UTC dates, as the calendar gives them).
 * Source: the Amazon EKS Kubernetes release calendar (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html);
 * re-check with `aws eks describe-cluster-versions`. Extended support costs $0.60 per cluster-hour instead of $0.10.
 *
 * 1.36 is not listed: EKS publishes release notes for it, but no calendar source reachable when this
 * table was recorded gave its release and end-of-support dates. Add it (and its add-on pins in
 * components/eks-cluster/addon-versions.ts) from `aws eks describe-cluster-versions --cluster-versions 1.36`.
 */
export interface KubernetesVersionSupport {
  readonly version: string;
  /** The day the version became available on Amazon EKS. */
  readonly released: string;
  readonly endOfStandardSupport: string;
  readonly endOfExtendedSupport: string;
}

/** The day this table was last checked against the calendar; a test fails when it is more than 120 days old. */
export const KUBERNETES_VERSIONS_RECORDED_ON = "2026-12-07";

export const KUBERNETES_VERSIONS: readonly KubernetesVersionSupport[] = [
  { version: "1.30", released: "2024-05-23", endOfStandardSupport: "2025-07-23", endOfExtendedSupport: "2026-07-23" },
  { version: "1.31", released: "2024-09-26", endOfStandardSupport: "2025-11-26", endOfExtendedSupport: "2026-11-26" },
  { version: "1.32", released: "2025-01-23", endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
  { version: "1.33", released: "2025-05-29", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
  { version: "1.34", released: "2025-10-02", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
  { version: "1.35", released: "2026-01-28", endOfStandardSupport: "2027-03-27", endOfExtendedSupport: "2028-03-27" },
];

export type SupportStatus = "standard" | "extended" | "unsupported" | "unknown";

/** Where a version stands on a given day (ISO date). */
export function supportStatus(version: string, onDate: string): SupportStatus {
  const entry = KUBERNETES_VERSIONS.find((v) => v.version === version);
  if (!entry) return "unknown";
  if (onDate <= entry.endOfStandardSupport) return "standard";
  if (onDate <= entry.endOfExtendedSupport) return "extended";
  return "unsupported";
}

/** Versions EKS still runs on the given day (standard or extended support): what a stack may configure. */
export function acceptedVersions(onDate: string): string[] {
  return KUBERNETES_VERSIONS.filter((v) => supportStatus(v.version, onDate) !== "unsupported").map((v) => v.version);
}

/** Versions in standard support on the given day: what a new cluster, or the green side of an upgrade, should use. */
export function standardSupportVersions(onDate: string): string[] {
  return KUBERNETES_VERSIONS.filter((v) => supportStatus(v.version, onDate) === "standard").map((v) => v.version);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
