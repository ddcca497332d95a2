import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { PINNED_CHARTS, type AutoscalingChart } from "./chart-versions";

/**
 * A Helm release of one of the pinned charts under a fixed release name (object names such as
 * `kube-prometheus-stack-prometheus` and the `release` label the Prometheus Operator selects on derive
 * from it), atomic so a failed upgrade rolls back, with a bounded history.
 */
export function pinnedRelease(
  logicalName: string,
  chart: AutoscalingChart,
  namespace: pulumi.Input<string>,
  values: pulumi.Inputs,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  const pinned = PINNED_CHARTS[chart];
  return new k8s.helm.v3.Release(logicalName, {
    name: chart,
    chart: pinned.chart,
    version: pinned.version,
    repositoryOpts: pinned.repository ? { repo: pinned.repository } : undefined,
    namespace,
    values,
    atomic: true,
    cleanupOnFail: true,
    maxHistory: 10,
    timeout: 600,
  }, opts);
}
