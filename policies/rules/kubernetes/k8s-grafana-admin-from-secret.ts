import { TYPES } from "../../knowledge/type-tokens";
import { label, LEVELS, ResourceRule, violation } from "../../rule";
import { bool, isSet, str } from "../../values";

/** Charts that install Grafana, and where their Grafana values live. */
const GRAFANA_VALUES_AT: Record<string, string | undefined> = { grafana: undefined, "kube-prometheus-stack": "grafana" };

export const k8sGrafanaAdminFromSecret: ResourceRule = {
  scope: "resource",
  name: "k8s-grafana-admin-from-secret",
  area: "kubernetes",
  description: "A Helm release that installs Grafana takes its admin password from a Kubernetes Secret (`admin.existingSecret`), never from plain values or the chart's public default (`prom-operator`, `admin`).",
  severity: "high",
  checkov: [],
  enforcement: LEVELS.everywhere,
  resourceTypes: [TYPES.k8sHelmRelease],
  remediation: "Generate the password (e.g. @pulumi/random RandomPassword) into a Kubernetes Secret and set `admin.existingSecret` (with `userKey`/`passwordKey`) in the Grafana values; remove `adminPassword`.",
  evaluate(release) {
    const chart = str(release.props, "chart")?.split("/").pop();
    if (chart === undefined || !(chart in GRAFANA_VALUES_AT)) return "not-applicable";
    const at = GRAFANA_VALUES_AT[chart];
    const path = (key: string) => (at ? `values.${at}.${key}` : `values.${key}`);
    if (at && bool(release.props, path("enabled")) === false) return [];
    const shown = (key: string) => (at ? `${at}.${key}` : key);
    if (isSet(release.props, path("adminPassword"))) {
      return [violation(`${label(release)} sets the Grafana admin password in its values (${shown("adminPassword")}): keep it in a Kubernetes Secret and reference it with ${shown("admin.existingSecret")}`)];
    }
    if (!isSet(release.props, path("admin.existingSecret"))) {
      return [violation(`${label(release)} installs Grafana without ${shown("admin.existingSecret")}: it would start with the chart's public default admin password`)];
    }
    return [];
  },
};
