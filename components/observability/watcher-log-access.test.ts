import * as k8s from "@pulumi/kubernetes";
import type { OfflinePlan } from "../../review/plan/model";
import { parseWatchConfig } from "../../runtime/watch/watch-config";
import { planComponents } from "../../testing/component-plan";
import { jsonInput, named } from "../../testing/plan-queries";
import { AnomalyWatcher } from "./anomaly-watcher";
import { watcherLogReadPolicy } from "./watcher-log-access";

const ACCOUNT = { accountId: "123456789012", region: "eu-west-1" };
const GROUP = "/aws/containerinsights/icna-prod-blue/application";
const OIDC = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

let plan: OfflinePlan;
beforeAll(async () => {
  plan = await planComponents("prod", () => {
    new AnomalyWatcher("watcher-blue", {
      colour: "blue",
      provider: new k8s.Provider("blue-k8s", { kubeconfig: "{}" }),
      image: "ghcr.io/icna/icna@sha256:0123",
      prometheusUrl: "http://prometheus-operated.monitoring:9090",
      alertmanagerUrl: "http://alertmanager-operated.monitoring:9093",
      signals: [{ name: "latency_p99", query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{colour="$colour"}[5m])))' }],
      logs: { cluster: { oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", oidcProviderUrl: OIDC }, account: ACCOUNT, groups: [GROUP] },
    });
  });
});

describe("AnomalyWatcher with log triage", () => {
  it("configures icna watch to triage the cluster's log group in its region", () => {
    const text = (named(plan, "kubernetes:core/v1:ConfigMap", "watcher-blue-config").inputs.data as Record<string, string>)["watch.yaml"];
    expect(parseWatchConfig(text, "watch.yaml").logs).toMatchObject({ cloudwatch: { region: "eu-west-1", groups: [GROUP] }, deadline: "20s" });
  });

  it("reads the logs through an IRSA role only the watcher's service account can assume", () => {
    const role = named(plan, "aws:iam/role:Role", "watcher-blue-logs");
    const trust = jsonInput(role.inputs.assumeRolePolicy) as { Statement: Array<{ Action: string; Condition: { StringEquals: Record<string, string> } }> };
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0].Action).toBe("sts:AssumeRoleWithWebIdentity");
    expect(trust.Statement[0].Condition.StringEquals).toEqual({
      "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub": "system:serviceaccount:monitoring:icna-watcher-blue",
      "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud": "sts.amazonaws.com",
    });
    const account = named(plan, "kubernetes:core/v1:ServiceAccount", "watcher-blue-serviceaccount");
    expect(account.inputs.metadata).toMatchObject({ name: "icna-watcher-blue", namespace: "monitoring" });
    const deployment = named(plan, "kubernetes:apps/v1:Deployment", "watcher-blue-deployment");
    const pod = (deployment.inputs.spec as { template: { spec: { serviceAccountName: string; containers: Array<{ resources: { limits: { memory: string } } }> } } }).template.spec;
    expect(pod.serviceAccountName).toBe("icna-watcher-blue");
    expect(pod.containers[0].resources.limits.memory).toBe("512Mi");
  });

  it("alerts when every triage run fails, beside the watcher's own health rules", () => {
    const rule = named(plan, "kubernetes:monitoring.coreos.com/v1:PrometheusRule", "watcher-blue-rules");
    const rules = (rule.inputs.spec as { groups: Array<{ rules: Array<{ alert: string }> }> }).groups[0].rules;
    expect(rules.map((r) => r.alert)).toEqual(["IcnaWatcherDown", "IcnaWatcherPrometheusUnreachable", "IcnaWatcherAlertDeliveryFailing", "IcnaWatcherLogTriageFailing"]);
  });

  it("may read events of the given groups and nothing else", () => {
    const policy = named(plan, "aws:iam/rolePolicy:RolePolicy", "watcher-blue-logs");
    expect(jsonInput(policy.inputs.policy)).toEqual(watcherLogReadPolicy(ACCOUNT, [GROUP]));
    expect(watcherLogReadPolicy(ACCOUNT, [GROUP])).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "ReadClusterLogEvents",
          Effect: "Allow",
          Action: ["logs:FilterLogEvents", "logs:GetLogEvents"],
          Resource: [`arn:aws:logs:eu-west-1:123456789012:log-group:${GROUP}`, `arn:aws:logs:eu-west-1:123456789012:log-group:${GROUP}:log-stream:*`],
        },
      ],
    });
  });
});
