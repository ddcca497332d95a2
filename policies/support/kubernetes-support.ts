import { KUBERNETES_VERSIONS, supportStatus, SupportStatus } from "../../stacks/config/kubernetes-versions";

/**
 * Where an EKS Kubernetes version stands on a day, from the EKS release calendar the stack config
 * also validates against (stacks/config/kubernetes-versions.ts). A version newer than the calendar
 * counts as standard support; an older one as unsupported.
 */
export function eksVersionSupport(version: string, onDate: string): SupportStatus {
  const status = supportStatus(version, onDate);
  if (status !== "unknown") return status;
  const parsed = parseMinor(version);
  if (parsed === undefined) return "unknown";
  const minors = KUBERNETES_VERSIONS.map((v) => parseMinor(v.version)).filter((m): m is number => m !== undefined);
  if (parsed > Math.max(...minors)) return "standard";
  if (parsed < Math.min(...minors)) return "unsupported";
  return "unknown";
}

function parseMinor(version: string): number | undefined {
  const match = /^1\.(\d+)(\.\d+)?$/.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

export function supportWindow(version: string): { endOfStandardSupport: string; endOfExtendedSupport: string } | undefined {
  return KUBERNETES_VERSIONS.find((v) => v.version === version);
}
