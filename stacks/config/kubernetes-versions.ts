/**
 * Amazon EKS Kubernetes versions ICNA accepts, with their support windows.
 * Source: the Amazon EKS Kubernetes release calendar (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html),
 * recorded 2026-11-01. Extended support costs $0.60 per cluster-hour instead of $0.10.
 */
export interface KubernetesVersionSupport {
  readonly version: string;
  readonly released: string;
  readonly endOfStandardSupport: string;
  readonly endOfExtendedSupport: string;
}

export const KUBERNETES_VERSIONS: readonly KubernetesVersionSupport[] = [
  { version: "1.30", released: "2024-05-23", endOfStandardSupport: "2025-07-23", endOfExtendedSupport: "2026-07-23" },
  { version: "1.31", released: "2024-09-26", endOfStandardSupport: "2025-11-26", endOfExtendedSupport: "2026-11-26" },
  { version: "1.32", released: "2025-01-23", endOfStandardSupport: "2026-03-23", endOfExtendedSupport: "2027-03-23" },
  { version: "1.33", released: "2025-05-29", endOfStandardSupport: "2026-07-29", endOfExtendedSupport: "2027-07-29" },
  { version: "1.34", released: "2025-10-02", endOfStandardSupport: "2026-12-02", endOfExtendedSupport: "2027-12-02" },
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

/** Versions a new cluster may be created with on the given day (standard or extended support). */
export function acceptedVersions(onDate: string): string[] {
  return KUBERNETES_VERSIONS.filter((v) => supportStatus(v.version, onDate) !== "unsupported").map((v) => v.version);
}
