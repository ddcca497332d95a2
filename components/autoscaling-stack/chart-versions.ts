/** One Helm chart the autoscaling stack installs, pinned so an `up` never picks up a new chart silently. */
export interface PinnedChart {
  /** Chart name in its repository, or the full `oci://` reference for OCI registries. */
  readonly chart: string;
  /** HTTP chart repository; absent for OCI charts, whose reference already names the registry. */
  readonly repository?: string;
  readonly version: string;
  /** Upstream release date of this chart version (month precision where the day was not published). */
  readonly released: string;
}

export type AutoscalingChart = "metrics-server" | "keda" | "karpenter" | "kube-prometheus-stack";

/**
 * Chart versions, reviewed 2026-11-29 against each project's release page (Karpenter and KEDA also
 * publish their tested Kubernetes range: Karpenter 1.15 and KEDA 2.21 cover the 1.33 and 1.34 clusters
 * of the shipped stacks). Bump one row at a time and read the chart's upgrade notes: Helm installs
 * Karpenter's and KEDA's CRDs on first install only.
 */
export const PINNED_CHARTS: Readonly<Record<AutoscalingChart, PinnedChart>> = {
  "metrics-server": { chart: "metrics-server", repository: "https://kubernetes-sigs.github.io/metrics-server/", version: "3.13.0", released: "2025-07" },
  keda: { chart: "keda", repository: "https://kedacore.github.io/charts", version: "2.21.1", released: "2026-11-16" },
  karpenter: { chart: "oci://public.ecr.aws/karpenter/karpenter", version: "1.15.0", released: "2026-10-10" },
  "kube-prometheus-stack": { chart: "kube-prometheus-stack", repository: "https://prometheus-community.github.io/helm-charts", version: "88.6.2", released: "2026-08-31" },
};
