import type * as dashboard from "@grafana/grafana-foundation-sdk/dashboard";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import { GRAFANA_DASHBOARD_LABEL } from "../grafana";
import { anomaliesDashboard } from "./anomalies";
import { blueGreenDashboard } from "./blue-green";
import { dataTierDashboard } from "./data-tier";
import { logsDashboard } from "./logs";
import { predictiveScalingDashboard } from "./predictive-scaling";

/** Every dashboard ICNA ships, built from typed code. */
export function icnaDashboards(): dashboard.Dashboard[] {
  return [predictiveScalingDashboard(), anomaliesDashboard(), blueGreenDashboard(), dataTierDashboard(), logsDashboard()];
}

/** One ConfigMap per dashboard, labelled for the Grafana chart's dashboard sidecar. */
export function createDashboardConfigMaps(name: string, namespace: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): k8s.core.v1.ConfigMap[] {
  return icnaDashboards().map((board) => {
    const uid = board.uid;
    if (!uid) throw new Error(`dashboard "${board.title ?? "?"}" has no uid: give it one, the sidecar file and links use it`);
    return new k8s.core.v1.ConfigMap(`${name}-dashboard-${uid}`, {
      metadata: { name: `dashboard-${uid}`, namespace, labels: { ...GRAFANA_DASHBOARD_LABEL, "app.kubernetes.io/part-of": "icna" } },
      data: { [`${uid}.json`]: JSON.stringify(board) },
    }, opts);
  });
}
