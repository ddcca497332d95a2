import * as k8s from "@pulumi/kubernetes";
import { parse } from "yaml";
import type { OfflinePlan } from "../../review/plan/model";
import { parseWatchConfig } from "../../runtime/watch/watch-config";
import { planComponents } from "../../testing/component-plan";
import { named, ofType } from "../../testing/plan-queries";
import { AnomalyWatcher } from "./anomaly-watcher";

const CR = "kubernetes:monitoring.coreos.com/v1:";
let plan: OfflinePlan;
beforeAll(async () => {
  plan = await planComponents("prod", () => {
    for (const colour of ["blue", "green"] as const) {
      new AnomalyWatcher(`watcher-${colour}`, {
        colour,
        provider: new k8s.Provider(`${colour}-k8s`, { kubeconfig: "{}" }),
        image: "ghcr.io/icna/icna@sha256:0123",
        prometheusUrl: "http://prometheus-operated.monitoring:9090",
        alertmanagerUrl: "http://alertmanager-operated.monitoring:9093",
        signals: [{ name: "latency_p99", query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{colour="$colour"}[5m])))', severity: "critical" }],
        labels: { cluster: `icna-prod-${colour}` },
      });
    }
  });
});

describe("AnomalyWatcher", () => {
  it("deploys one watcher per cluster colour, each watching its own colour with a config icna watch accepts", () => {
    for (const colour of ["blue", "green"]) {
      const config = named(plan, "kubernetes:core/v1:ConfigMap", `watcher-${colour}-config`);
      const text = (config.inputs.data as Record<string, string>)["watch.yaml"];
      const parsed = parseWatchConfig(text, "watch.yaml");
      expect(parsed.colours).toEqual([colour]);
      expect(parsed.labels).toEqual({ cluster: `icna-prod-${colour}` });
      expect(parse(text).signals[0].severity).toBe("critical");
    }
  });

  it("runs icna watch as a single non-root replica serving /metrics", () => {
    const deployment = named(plan, "kubernetes:apps/v1:Deployment", "watcher-blue-deployment");
    const spec = deployment.inputs.spec as { replicas: number; strategy: { type: string }; template: { spec: { containers: Array<{ args: string[]; securityContext: Record<string, unknown> }>; securityContext: Record<string, unknown> } } };
    expect(spec.replicas).toBe(1);
    expect(spec.strategy.type).toBe("Recreate");
    expect(spec.template.spec.containers[0].args).toEqual(["watch", "--config", "/etc/icna/watch.yaml", "--listen", "0.0.0.0:9464"]);
    expect(spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(spec.template.spec.containers[0].securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  });

  it("has Prometheus scrape the watcher through a ServiceMonitor selecting its Service", () => {
    const monitor = named(plan, `${CR}ServiceMonitor`, "watcher-green-servicemonitor");
    const service = named(plan, "kubernetes:core/v1:Service", "watcher-green-service");
    const selector = (monitor.inputs.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
    expect((service.inputs.metadata as { labels: Record<string, string> }).labels).toMatchObject(selector);
    expect((monitor.inputs.metadata as { labels: Record<string, string> }).labels.release).toBe("kube-prometheus-stack");
    expect(monitor.inputs.spec).toMatchObject({ endpoints: [{ port: "metrics", path: "/metrics" }] });
  });

  it("alerts on the watcher's own health through a PrometheusRule", () => {
    const rule = named(plan, `${CR}PrometheusRule`, "watcher-blue-rules");
    const rules = (rule.inputs.spec as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> }).groups[0].rules;
    expect(rules.map((r) => r.alert)).toEqual(["IcnaWatcherDown", "IcnaWatcherPrometheusUnreachable", "IcnaWatcherAlertDeliveryFailing"]);
    expect(rules[1].expr).toBe('max(icna_watch_prometheus_up{job="icna-watcher-blue",namespace="monitoring"}) == 0');
  });

  it("parents every child to the component", () => {
    const components = ofType(plan, "icna:observability:AnomalyWatcher");
    expect(components).toHaveLength(2);
    const children = plan.resources.filter((r) => r.type.startsWith("kubernetes:") && r.type !== "pulumi:providers:kubernetes");
    expect(children).toHaveLength(10);
    for (const c of children) expect(components.map((p) => p.urn)).toContain(c.parent);
  });
});
