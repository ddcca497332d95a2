import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import { UNKNOWN, type OfflinePlan, type PlanResource } from "../../review/plan/model";
import { runOfflinePreview } from "../../review/plan/offline-preview";
import { evaluatePolicies } from "../../policies/evaluate";
import { policyResourcesFromPlan } from "../../policies/plan-input";
import { jsonInput, named, ofType } from "../../testing/plan-queries";
import { AutoscalingStack, type AutoscalingStackArgs } from "./autoscaling-stack";
import { PINNED_CHARTS } from "./chart-versions";
import { PSE_ADDRESS } from "./pse-endpoint";

const RELEASE = "kubernetes:helm.sh/v3:Release";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const CLUSTER = "icna-prod-blue";
const NODE_ROLE_ARN = "arn:aws:iam::111122223333:role/icna-prod-blue-nodes";
const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

function stackArgs(provider: k8s.Provider, overrides: Partial<AutoscalingStackArgs> = {}): AutoscalingStackArgs {
  return {
    cluster: {
      provider,
      oidcProviderArn: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}`,
      oidcProviderUrl: `https://${ISSUER}`,
      nodeRoleName: "icna-prod-blue-nodes",
      nodeRoleArn: NODE_ROLE_ARN,
      clusterSecurityGroupId: "sg-0123456789abcdef0",
    },
    clusterName: CLUSTER,
    karpenterDiscovery: "icna-prod",
    account: { accountId: "111122223333", region: "us-east-1" },
    tags: { owner: "platform", "cost-center": "cc-42", environment: "prod", "managed-by": "icna" },
    isProduction: true,
    prometheus: { mode: "in-cluster" },
    pseImage: "ghcr.io/icna/icna@sha256:0123456789abcdef",
    ...overrides,
  };
}

async function plan(stack: string, overrides: (provider: k8s.Provider) => Partial<AutoscalingStackArgs> = () => ({})): Promise<OfflinePlan> {
  return runOfflinePreview({
    project: "icna",
    stack,
    config: { "aws:region": "us-east-1" },
    program: async () => {
      const provider = new k8s.Provider("p", { kubeconfig: "{}" });
      new AutoscalingStack("blue", stackArgs(provider, overrides(provider)));
    },
  });
}

interface Container {
  name: string;
  args: string[];
  ports: Array<{ name: string; containerPort: number }>;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: Record<string, unknown>;
  readinessProbe: { httpGet: { port: string; path: string } };
  livenessProbe: { httpGet: { port: string; path: string } };
}
interface PodSpec {
  securityContext: Record<string, unknown>;
  automountServiceAccountToken: boolean;
  containers: Container[];
}
const podOf = (deployment: PlanResource) => (deployment.inputs.spec as unknown as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
const metadataOf = (r: PlanResource) => r.inputs.metadata as { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
const valuesOf = (release: PlanResource) => release.inputs.values as Record<string, unknown>;

let prod: OfflinePlan;
let external: OfflinePlan;
beforeAll(async () => {
  prod = await plan("prod");
  external = await plan("dev", () => ({ isProduction: false, prometheus: { mode: "external", url: "http://prometheus.observability.svc:9090/" } }));
});

describe("AutoscalingStack: ownership", () => {
  it("registers every Kubernetes resource with the one given provider, and parents everything to the component", () => {
    for (const p of [prod, external]) {
      const providers = ofType(p, "pulumi:providers:kubernetes");
      expect(providers).toHaveLength(1);
      const inCluster = p.resources.filter((r) => r.type.startsWith("kubernetes:"));
      expect(inCluster.length).toBeGreaterThan(10);
      for (const r of inCluster) expect(r.provider?.startsWith(`${providers[0].urn}::`)).toBe(true);

      const component = ofType(p, "icna:components:AutoscalingStack")[0];
      const created = p.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
      expect(created.every((r) => r.parent === component.urn)).toBe(true);
      expect(created.filter((r) => r.type.startsWith("aws:")).every((r) => r.provider === undefined || !r.provider.includes("kubernetes"))).toBe(true);
    }
  });
});

describe("AutoscalingStack: ICNA's policies", () => {
  const evaluate = (edit: (resource: PlanResource) => PlanResource = (r) => r) =>
    evaluatePolicies(policyResourcesFromPlan({ resources: prod.resources.map((r) => edit(structuredClone(r))) }), { name: "prod", kind: "prod" }, { today: "2026-11-29" });
  const editing = (type: string, name: string, change: (inputs: Record<string, unknown>) => void) => (r: PlanResource) => {
    if (r.type === type && r.name === name) change(r.inputs as Record<string, unknown>);
    return r;
  };

  it("passes every policy rule of a production stack, with no check left undecided for `up`", () => {
    const evaluation = evaluate();
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.undecided).toEqual([]);
  });

  it("is really checked by them: a root PSE or a wildcard IRSA subject would be refused", () => {
    const rootPse = evaluate(editing(DEPLOYMENT, "blue-pse", (inputs) => {
      const pod = (inputs.spec as { template: { spec: { securityContext: Record<string, unknown>; containers: Array<{ securityContext: Record<string, unknown> }> } } }).template.spec;
      pod.securityContext = {};
      delete pod.containers[0].securityContext.runAsNonRoot;
    }));
    expect(rootPse.violations.map((v) => v.policy)).toEqual(["k8s-run-as-non-root"]);
    const anyServiceAccount = evaluate(editing("aws:iam/role:Role", "blue-karpenter", (inputs) => {
      inputs.assumeRolePolicy = String(inputs.assumeRolePolicy).replace("system:serviceaccount:kube-system:karpenter", "system:serviceaccount:*");
    }));
    expect(anyServiceAccount.violations.map((v) => v.policy)).toEqual(["iam-oidc-trust-scoped"]);
    const plainGrafanaPassword = evaluate(editing(RELEASE, "blue-kube-prometheus-stack", (inputs) => {
      const grafana = (inputs.values as { grafana: Record<string, unknown> }).grafana;
      delete grafana.admin;
      grafana.adminPassword = "prom-operator";
    }));
    expect(plainGrafanaPassword.violations.map((v) => v.policy)).toContain("k8s-grafana-admin-from-secret");
  });
});

describe("AutoscalingStack: Helm charts", () => {
  it("installs the four pinned chart versions under fixed release names", () => {
    const releases = ofType(prod, RELEASE);
    expect(releases.map((r) => [r.inputs.name, r.inputs.chart, r.inputs.version]).sort()).toEqual(
      Object.entries(PINNED_CHARTS).map(([name, chart]) => [name, chart.chart, chart.version]).sort(),
    );
    for (const r of releases) {
      expect(r.inputs.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(r.inputs.atomic).toBe(true);
    }
    expect(named(prod, RELEASE, "blue-karpenter").inputs.repositoryOpts ?? null).toBeNull();
    expect(named(prod, RELEASE, "blue-keda").inputs.repositoryOpts).toEqual({ repo: "https://kedacore.github.io/charts" });
  });

  it("puts each chart in its namespace and runs two replicas of each controller in production", () => {
    expect(named(prod, RELEASE, "blue-metrics-server").inputs).toMatchObject({ namespace: "kube-system", values: { replicas: 2, podDisruptionBudget: { enabled: true } } });
    expect(named(prod, RELEASE, "blue-keda").inputs).toMatchObject({ namespace: "keda", values: { operator: { replicaCount: 2 }, metricsServer: { replicaCount: 2 } } });
    expect(named(prod, RELEASE, "blue-karpenter").inputs).toMatchObject({ namespace: "kube-system", values: { replicas: 2 } });
    expect(named(external, RELEASE, "blue-keda").inputs).toMatchObject({ values: { operator: { replicaCount: 1 } } });
  });

  it("keeps a month of Prometheus history on persistent gp3 volumes", () => {
    const values = valuesOf(named(prod, RELEASE, "blue-kube-prometheus-stack")) as { prometheus: { prometheusSpec: { retention: string; replicas: number; storageSpec: unknown } } };
    expect(Number(values.prometheus.prometheusSpec.retention.replace(/d$/, ""))).toBeGreaterThanOrEqual(21 + 7);
    expect(values.prometheus.prometheusSpec.replicas).toBe(2);
    expect(values.prometheus.prometheusSpec.storageSpec).toMatchObject({ volumeClaimTemplate: { spec: { storageClassName: "gp3" } } });
  });

  it("installs no Prometheus and no ServiceMonitor with an external Prometheus", () => {
    expect(ofType(external, RELEASE).map((r) => r.inputs.name).sort()).toEqual(["karpenter", "keda", "metrics-server"]);
    expect(ofType(external, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor")).toEqual([]);
  });
});

describe("AutoscalingStack: Grafana", () => {
  type GrafanaValues = Record<string, unknown> & { "grafana.ini": Record<string, Record<string, unknown>>; admin: Record<string, string>; serviceAccount: { name: string; annotations: Record<string, unknown> }; sidecar: { dashboards: Record<string, unknown>; datasources: Record<string, unknown> }; additionalDataSources: Array<Record<string, unknown>> };
  const grafanaOf = (p: OfflinePlan) => (valuesOf(named(p, RELEASE, "blue-kube-prometheus-stack")) as { grafana: GrafanaValues }).grafana;

  it("logs the admin in with a password generated into a Secret, never the chart's default, and admits no anonymous user", () => {
    const grafana = grafanaOf(prod);
    expect(grafana.enabled).toBe(true);
    expect(grafana.admin).toEqual({ existingSecret: "grafana-admin", userKey: "admin-user", passwordKey: "admin-password" });
    expect(grafana).not.toHaveProperty("adminPassword");
    expect(grafana["grafana.ini"]["auth.anonymous"]).toEqual({ enabled: false });
    expect(grafana["grafana.ini"]).not.toHaveProperty("auth.generic_oauth");
    const secret = named(prod, "kubernetes:core/v1:Secret", "blue-grafana-admin");
    expect(secret.inputs.metadata).toMatchObject({ name: "grafana-admin", namespace: "monitoring" });
    expect(JSON.stringify(secret.inputs)).not.toContain("prom-operator");
    expect(named(prod, "random:index/randomPassword:RandomPassword", "blue-grafana-admin").inputs).toMatchObject({ length: 32 });
  });

  it("reads CloudWatch through a role only Grafana's service account may assume, allowed only to read metrics and alarms", () => {
    const grafana = grafanaOf(prod);
    expect(grafana.serviceAccount.name).toBe("grafana");
    expect(grafana.additionalDataSources).toEqual([expect.objectContaining({ type: "cloudwatch", uid: "cloudwatch", jsonData: { authType: "default", defaultRegion: "us-east-1" } })]);
    const role = named(prod, "aws:iam/role:Role", "blue-grafana-cloudwatch");
    expect(String(role.inputs.assumeRolePolicy)).toContain('"system:serviceaccount:monitoring:grafana"');
    const policy = JSON.parse(String(named(prod, "aws:iam/rolePolicy:RolePolicy", "blue-grafana-cloudwatch").inputs.policy)) as { Statement: Array<{ Action: string[] }> };
    for (const action of policy.Statement.flatMap((s) => s.Action)) expect(action).toMatch(/^[a-z0-9]+:(Describe|List|Get)\w+$/);
  });

  it("loads dashboards from labelled ConfigMaps and provisions Prometheus and Alertmanager as datasources", () => {
    const { sidecar } = grafanaOf(prod);
    expect(sidecar.dashboards).toMatchObject({ enabled: true, label: "grafana_dashboard", labelValue: "1" });
    expect(sidecar.datasources).toMatchObject({ enabled: true, defaultDatasourceEnabled: true, uid: "prometheus", alertmanager: { enabled: true } });
  });

  it("ships the dashboards as ConfigMaps in monitoring, labelled for the sidecar, and none with an external Prometheus", () => {
    const maps = ofType(prod, "kubernetes:core/v1:ConfigMap").filter((m) => metadataOf(m).labels?.grafana_dashboard === "1");
    expect(maps.map((m) => metadataOf(m).name).sort()).toEqual(["dashboard-icna-anomalies", "dashboard-icna-blue-green", "dashboard-icna-data-tier", "dashboard-icna-logs", "dashboard-icna-predictive-scaling"]);
    for (const map of maps) {
      expect(metadataOf(map).namespace).toBe("monitoring");
      const [file, json] = Object.entries(map.inputs.data as Record<string, string>)[0];
      expect(file).toBe(`${metadataOf(map).name.replace(/^dashboard-/, "")}.json`);
      expect(JSON.parse(json)).toMatchObject({ uid: file.replace(/\.json$/, ""), timezone: "utc" });
    }
    expect(ofType(external, "kubernetes:core/v1:ConfigMap").filter((m) => metadataOf(m).labels?.grafana_dashboard)).toEqual([]);
  });

  it("offers single sign-on through generic OAuth when asked, with the client secret in a Secret rather than in the values", async () => {
    const sso = await plan("prod", () => ({ grafanaSso: { name: "Okta", clientId: "grafana", rootUrl: "https://grafana.example.com", clientSecret: "s3cr3t-client", authUrl: "https://id.example.com/oauth2/v1/authorize", tokenUrl: "https://id.example.com/oauth2/v1/token", apiUrl: "https://id.example.com/oauth2/v1/userinfo", allowedDomains: ["example.com"] } }));
    const grafana = grafanaOf(sso);
    expect(grafana["grafana.ini"]["auth.generic_oauth"]).toMatchObject({ enabled: true, name: "Okta", client_id: "grafana", allowed_domains: "example.com", role_attribute_path: "'Viewer'" });
    expect(grafana["grafana.ini"].server).toEqual({ root_url: "https://grafana.example.com" });
    expect(grafana).toHaveProperty("envFromSecret"); // the recorded plan redacts the Secret's name as a credential-like key
    expect(JSON.stringify(grafana)).not.toContain("s3cr3t-client");
    expect(named(sso, "kubernetes:core/v1:Secret", "blue-grafana-oauth").inputs.metadata).toMatchObject({ name: "grafana-oauth", namespace: "monitoring" });
  });
});

describe("AutoscalingStack: the Predictive Scaling Engine", () => {
  const pse = (p: OfflinePlan) => named(p, DEPLOYMENT, "blue-pse");

  it("runs icna scaler serve on all interfaces against the chosen Prometheus", () => {
    expect(podOf(pse(prod)).spec.containers[0].args).toEqual([
      "scaler", "serve", "--host", "0.0.0.0", "--port", "9090", "--metrics-port", "9091",
      "--prometheus-url", "http://kube-prometheus-stack-prometheus.monitoring.svc:9090", "--refit-minutes", "15",
    ]);
    const args = podOf(pse(external)).spec.containers[0].args;
    expect(args[args.indexOf("--prometheus-url") + 1]).toBe("http://prometheus.observability.svc:9090");
  });

  it("runs two replicas in production, one elsewhere", () => {
    expect((pse(prod).inputs.spec as { replicas: number }).replicas).toBe(2);
    expect((pse(external).inputs.spec as { replicas: number }).replicas).toBe(1);
  });

  it("runs as non-root on a read-only root filesystem with no capabilities, RuntimeDefault seccomp and no API token", () => {
    const { spec } = podOf(pse(prod));
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: "RuntimeDefault" } });
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } });
    expect(metadataOf(named(prod, "kubernetes:core/v1:Namespace", "blue-pse-namespace")).labels).toMatchObject({ "pod-security.kubernetes.io/enforce": "restricted" });
  });

  it("has no IAM role: its service account carries no IRSA annotation", () => {
    const account = named(prod, "kubernetes:core/v1:ServiceAccount", "blue-pse");
    expect(metadataOf(account).annotations).toBeUndefined();
    expect(account.inputs.automountServiceAccountToken).toBe(false);
  });

  it("requests CPU and memory, caps memory, and probes its metrics port", () => {
    const [container] = podOf(pse(prod)).spec.containers;
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits.memory).toBeDefined();
    expect(container.readinessProbe.httpGet).toEqual({ path: "/metrics", port: "metrics" });
    expect(container.livenessProbe.httpGet).toEqual({ path: "/metrics", port: "metrics" });
    expect(container.ports).toEqual([expect.objectContaining({ name: "grpc", containerPort: 9090 }), expect.objectContaining({ name: "metrics", containerPort: 9091 })]);
  });

  it("exposes gRPC and metrics through a Service selecting the PSE pods", () => {
    const service = named(prod, "kubernetes:core/v1:Service", "blue-pse");
    const spec = service.inputs.spec as { selector: Record<string, string>; ports: Array<{ name: string; port: number }> };
    expect(podOf(pse(prod)).metadata.labels).toMatchObject(spec.selector);
    expect(spec.ports.map((p) => [p.name, p.port])).toEqual([["grpc", 9090], ["metrics", 9091]]);
    const [host, port] = PSE_ADDRESS.split(":");
    expect(`${metadataOf(service).name}.${metadataOf(service).namespace}.svc.cluster.local`).toBe(host);
    expect(spec.ports.find((p) => p.name === "grpc")?.port).toBe(Number(port));
  });

  it("is covered by a PodDisruptionBudget in its namespace that never blocks a single-replica drain", () => {
    for (const p of [prod, external]) {
      const pdb = named(p, "kubernetes:policy/v1:PodDisruptionBudget", "blue-pse");
      const spec = pdb.inputs.spec as { maxUnavailable: number; selector: { matchLabels: Record<string, string> } };
      expect(metadataOf(pdb).namespace).toBe(metadataOf(pse(p)).namespace);
      expect(podOf(pse(p)).metadata.labels).toMatchObject(spec.selector.matchLabels);
      expect(spec.maxUnavailable).toBe(1);
    }
  });

  it("is scraped through a ServiceMonitor the in-cluster Prometheus selects, created after its CRDs", () => {
    const monitor = named(prod, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor", "blue-pse-servicemonitor");
    expect(metadataOf(monitor).labels).toMatchObject({ release: "kube-prometheus-stack" });
    expect(monitor.inputs.spec).toMatchObject({ endpoints: [{ port: "metrics", path: "/metrics" }] });
    expect(monitor.dependencies).toContain(named(prod, RELEASE, "blue-kube-prometheus-stack").urn);
  });
});

describe("AutoscalingStack: Karpenter", () => {
  const role = () => named(prod, "aws:iam/role:Role", "blue-karpenter");

  it("lets only the kube-system/karpenter service account of this cluster assume the controller role", () => {
    const trust = jsonInput(role().inputs.assumeRolePolicy) as { Statement: Array<{ Principal: unknown; Action: string; Condition: { StringEquals: Record<string, string> } }> };
    expect(trust.Statement).toHaveLength(1);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` }, Action: "sts:AssumeRoleWithWebIdentity" });
    expect(trust.Statement[0].Condition.StringEquals).toEqual({ [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:karpenter", [`${ISSUER}:aud`]: "sts.amazonaws.com" });
    expect(valuesOf(named(prod, RELEASE, "blue-karpenter"))).toMatchObject({ serviceAccount: { name: "karpenter" } });
  });

  it("grants no wildcard action, no write on every resource, and passes only the node role to EC2", () => {
    type Document = { Statement: Array<{ Sid: string; Action: string[]; Resource: string | string[]; Condition?: unknown }> };
    const policies = ofType(prod, "aws:iam/rolePolicy:RolePolicy").filter((p) => p.name.startsWith("blue-karpenter"));
    expect(policies.map((p) => p.name).sort()).toEqual(["blue-karpenter", "blue-karpenter-pass-node-role"]);
    const statements = policies.flatMap((p) => {
      expect(p.dependencies).toContain(role().urn);
      return (jsonInput(p.inputs.policy) as Document).Statement;
    });
    for (const statement of statements) {
      expect(statement.Action.every((a) => !a.includes("*"))).toBe(true);
      const resources = [statement.Resource].flat();
      if (resources.includes("*")) expect(statement.Action.every((a) => /:(Describe|Get)/.test(a))).toBe(true);
    }
    const passRole = statements.filter((s) => s.Action.includes("iam:PassRole"));
    expect(passRole).toEqual([expect.objectContaining({ Resource: NODE_ROLE_ARN, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } })]);
    expect(statements.find((s) => s.Sid === "ConsumeInterruptionQueue")?.Resource).toBe(`arn:aws:sqs:us-east-1:111122223333:${CLUSTER}-karpenter`);
  });

  it("keeps the controller policy judgeable offline when the node role's ARN is not known until `up`", async () => {
    // A role created in the same program: its ARN is computed by AWS, so a preview does not know it.
    const unknownRole = await plan("preview", (provider) => ({ cluster: { ...stackArgs(provider).cluster, nodeRoleArn: new aws.iam.Role("nodes", { assumeRolePolicy: "{}" }).arn } }));
    expect(named(unknownRole, "aws:iam/rolePolicy:RolePolicy", "blue-karpenter-pass-node-role").inputs.policy).toBe(UNKNOWN);
    expect(() => jsonInput(named(unknownRole, "aws:iam/rolePolicy:RolePolicy", "blue-karpenter").inputs.policy)).not.toThrow();
  });

  it("encrypts the interruption queue and accepts only this cluster's four EventBridge rules, over TLS", () => {
    const queue = named(prod, "aws:sqs/queue:Queue", "blue-karpenter-interruptions");
    expect(queue.inputs).toMatchObject({ name: `${CLUSTER}-karpenter`, sqsManagedSseEnabled: true, messageRetentionSeconds: 300 });
    expect(valuesOf(named(prod, RELEASE, "blue-karpenter"))).toMatchObject({ settings: { clusterName: CLUSTER, interruptionQueue: `${CLUSTER}-karpenter` } });

    const rules = ofType(prod, "aws:cloudwatch/eventRule:EventRule");
    expect(rules.map((r) => (JSON.parse(r.inputs.eventPattern as string) as { "detail-type": string[] })["detail-type"][0]).sort()).toEqual([
      "AWS Health Event", "EC2 Instance Rebalance Recommendation", "EC2 Instance State-change Notification", "EC2 Spot Instance Interruption Warning",
    ]);
    expect(ofType(prod, "aws:cloudwatch/eventTarget:EventTarget").map((t) => t.inputs.arn)).toEqual(Array(4).fill(`arn:aws:sqs:us-east-1:111122223333:${CLUSTER}-karpenter`));

    const queuePolicy = jsonInput(named(prod, "aws:sqs/queuePolicy:QueuePolicy", "blue-karpenter-interruptions").inputs.policy) as { Statement: Array<{ Effect: string; Condition: Record<string, Record<string, unknown>> }> };
    const allow = queuePolicy.Statement.find((s) => s.Effect === "Allow");
    expect(allow?.Condition.ArnEquals["aws:SourceArn"]).toEqual(rules.map((r) => `arn:aws:events:us-east-1:111122223333:rule/${r.inputs.name as string}`));
    expect(queuePolicy.Statement.find((s) => s.Effect === "Deny")?.Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
  });

  it("launches nodes with IMDSv2 only (hop limit 1) and encrypted gp3 volumes in the discovered private subnets and the cluster security group", () => {
    const nodeClass = named(prod, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass", "blue-ec2nodeclass");
    const spec = nodeClass.inputs.spec as Record<string, unknown>;
    expect(spec.metadataOptions).toMatchObject({ httpTokens: "required", httpPutResponseHopLimit: 1 });
    expect(spec.blockDeviceMappings).toEqual([expect.objectContaining({ ebs: expect.objectContaining({ volumeType: "gp3", encrypted: true }) })]);
    expect(spec.subnetSelectorTerms).toEqual([{ tags: { "karpenter.sh/discovery": "icna-prod" } }]);
    expect(spec.securityGroupSelectorTerms).toEqual([{ id: "sg-0123456789abcdef0" }]);
    expect(spec.instanceProfile).toBe(`${CLUSTER}-karpenter-nodes`);
    expect(named(prod, "aws:iam/instanceProfile:InstanceProfile", "blue-karpenter-nodes").inputs.role).toBe("icna-prod-blue-nodes");
    expect(nodeClass.dependencies).toContain(named(prod, RELEASE, "blue-karpenter").urn);
  });

  it("bounds the NodePool by a vCPU limit, on-demand capacity and current-generation families by default", () => {
    const spec = named(prod, "kubernetes:karpenter.sh/v1:NodePool", "blue-nodepool").inputs.spec as { limits: { cpu: string }; template: { spec: { requirements: Array<{ key: string; values: string[] }> } } };
    expect(spec.limits.cpu).toBe("100");
    const requirement = (key: string) => spec.template.spec.requirements.find((r) => r.key === key)?.values;
    expect(requirement("karpenter.sh/capacity-type")).toEqual(["on-demand"]);
    expect(requirement("karpenter.k8s.aws/instance-family")).toEqual(["m7i", "m6i", "c7i", "c6i", "r7i", "r6i"]);
    expect(requirement("kubernetes.io/arch")).toEqual(["amd64"]);
  });

  it("creates no access entry for the node role unless asked (the managed node groups' entry already admits it)", () => {
    expect(ofType(prod, "aws:eks/accessEntry:AccessEntry")).toEqual([]);
  });
});

describe("AutoscalingStack: bad arguments", () => {
  // Validation runs before anything is registered, so no Pulumi run (and no real provider) is needed.
  const build = (overrides: Partial<AutoscalingStackArgs>) => () => new AutoscalingStack("blue", stackArgs(undefined as unknown as k8s.Provider, overrides));

  it("names every bad Karpenter field at once", () => {
    expect(build({ karpenter: { instanceFamilies: ["m7i.large", "m7g"], capacityTypes: [], cpuLimit: -4 } })).toThrow(
      /^AutoscalingStack "blue": karpenter.instanceFamilies has "m7i.large", which are not instance families.*mixes Graviton.*karpenter.capacityTypes is empty.*karpenter.cpuLimit must be a whole number of vCPUs above 0, got -4$/,
    );
  });

  it("refuses an external Prometheus URL that is not http(s)", () => {
    expect(build({ prometheus: { mode: "external", url: "prometheus:9090" } })).toThrow('AutoscalingStack "blue": prometheus.url "prometheus:9090" must be http(s)');
    expect(build({ prometheus: { mode: "external", url: "not a url" } })).toThrow("is not a URL (give the Prometheus base URL");
  });
});
