/**
 * EKS add-on versions pinned per Kubernetes minor, so an `up` never picks up a new add-on build silently.
 * 1.30–1.34 were recorded 2026-11-01 from `aws eks describe-addon-versions --kubernetes-version <v> --addon-name <name>`
 * defaults. 1.35 was recorded 2026-12-07 from published documentation and a published 1.35 cluster
 * configuration (no AWS account was reachable): re-check it with
 * `aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <name>` before the first `up` on 1.35.
 * Re-check whenever a cluster changes version (per-cluster `addonVersions` config overrides these).
 */
export const CORE_ADDONS = ["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent", "aws-ebs-csi-driver"] as const;
export type CoreAddon = (typeof CORE_ADDONS)[number];

export const PINNED_ADDON_VERSIONS: Readonly<Record<string, Readonly<Record<CoreAddon, string>>>> = {
  "1.30": { "vpc-cni": "v1.19.2-eksbuild.1", coredns: "v1.11.4-eksbuild.2", "kube-proxy": "v1.30.7-eksbuild.2", "eks-pod-identity-agent": "v1.3.4-eksbuild.1", "aws-ebs-csi-driver": "v1.38.1-eksbuild.2" },
  "1.31": { "vpc-cni": "v1.19.2-eksbuild.1", coredns: "v1.11.4-eksbuild.2", "kube-proxy": "v1.31.3-eksbuild.2", "eks-pod-identity-agent": "v1.3.4-eksbuild.1", "aws-ebs-csi-driver": "v1.38.1-eksbuild.2" },
  "1.32": { "vpc-cni": "v1.19.2-eksbuild.1", coredns: "v1.11.4-eksbuild.2", "kube-proxy": "v1.32.0-eksbuild.2", "eks-pod-identity-agent": "v1.3.4-eksbuild.1", "aws-ebs-csi-driver": "v1.38.1-eksbuild.2" },
  "1.33": { "vpc-cni": "v1.19.5-eksbuild.1", coredns: "v1.12.1-eksbuild.2", "kube-proxy": "v1.33.0-eksbuild.2", "eks-pod-identity-agent": "v1.3.7-eksbuild.2", "aws-ebs-csi-driver": "v1.44.0-eksbuild.1" },
  "1.34": { "vpc-cni": "v1.20.3-eksbuild.1", coredns: "v1.12.3-eksbuild.1", "kube-proxy": "v1.34.0-eksbuild.2", "eks-pod-identity-agent": "v1.3.8-eksbuild.2", "aws-ebs-csi-driver": "v1.48.0-eksbuild.2" },
  "1.35": { "vpc-cni": "v1.21.1-eksbuild.3", coredns: "v1.13.2-eksbuild.1", "kube-proxy": "v1.35.0-eksbuild.2", "eks-pod-identity-agent": "v1.3.10-eksbuild.3", "aws-ebs-csi-driver": "v1.57.1-eksbuild.1" },
};

/** Pinned versions for a cluster: the table's entry for its Kubernetes minor, with per-cluster overrides. */
export function addonVersionsFor(kubernetesVersion: string, overrides: Readonly<Record<string, string>>): Record<CoreAddon, string> {
  const pinned = PINNED_ADDON_VERSIONS[kubernetesVersion];
  if (!pinned) throw new Error(`no pinned add-on versions for Kubernetes ${kubernetesVersion} (known: ${Object.keys(PINNED_ADDON_VERSIONS).join(", ")})`);
  return { ...pinned, ...overrides } as Record<CoreAddon, string>;
}
