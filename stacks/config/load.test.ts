import { shippedSettings, withEdit } from "../../testing/stack-settings";
import { ConfigError } from "./config-error";
import { loadStackConfig } from "./load";

type Settings = Record<string, string>;
type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(stack: string, settings: Settings): string[] {
  try {
    loadStackConfig(stack, settings);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split("\n").filter((l) => l.startsWith("  - ")).map((l) => l.slice(4));
    throw error;
  }
  return [];
}

const prod = () => shippedSettings("prod");
const edit = (key: string, fn: (v: Mutable) => void) => withEdit(prod(), key, fn as (v: Record<string, unknown>) => void);

describe("shipped stacks", () => {
  it.each(["dev", "prod", "dr"] as const)("%s is valid", (stack) => {
    expect(problemsOf(stack, shippedSettings(stack))).toEqual([]);
  });

  it("resolves production defaults for prod", () => {
    const config = loadStackConfig("prod", prod());
    expect(config.isProduction).toBe(true);
    expect(config.network.availabilityZones).toEqual(["us-east-1a", "us-east-1b", "us-east-1c"]);
    expect(config.network.subnets).toHaveLength(9);
    expect(config.network.natGateways).toBe("perAz");
    expect(config.clusters.blue.publicEndpoint.enabled).toBe(false);
    expect(config.tags).toMatchObject({ owner: "platform-team", "cost-center": "cc-1001", environment: "prod" });
  });

  it("gives dev one NAT gateway by default", () => {
    const settings = withEdit(shippedSettings("dev"), "icna:network", (n) => delete n.natGateways);
    expect(loadStackConfig("dev", settings).network.natGateways).toBe("single");
  });
});

describe("bad configuration is reported as `path: problem (allowed: …)`", () => {
  it.each<[string, () => Settings, RegExp]>([
    ["missing region", () => { const s = prod(); delete s["aws:region"]; return s; }, /^aws:region: is required but missing: set aws:region/],
    ["malformed region", () => ({ ...prod(), "aws:region": "Europe" }), /^aws:region: "Europe" is not an AWS region name/],
    ["wrong type", () => edit("icna:network", (n) => (n.azCount = "three")), /^icna:network\.azCount: must be a number, got "three"/],
    ["bad CIDR", () => edit("icna:network", (n) => (n.cidr = "10.0.0/16")), /^icna:network\.cidr: "10\.0\.0\/16" is not an IPv4 CIDR block/],
    ["CIDR with host bits", () => edit("icna:network", (n) => (n.cidr = "10.40.1.0/16")), /network address is 10\.40\.0\.0\/16/],
    ["public CIDR", () => edit("icna:network", (n) => (n.cidr = "8.8.0.0/16")), /is not a private \(RFC 1918\) range \(allowed: inside 10\.0\.0\.0\/8/],
    [
      "overlapping subnets",
      () => edit("icna:network", (n) => (n.subnets = { public: ["10.40.0.0/24", "10.40.1.0/24", "10.40.2.0/24"], private: ["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"], isolated: ["10.40.96.0/24", "10.40.97.0/24", "10.40.98.0/24"] })),
      /^icna:network\.subnets\.private\[0\]: 10\.40\.0\.0\/19 overlaps public\[0\] 10\.40\.0\.0\/24/,
    ],
    ["unknown instance type format", () => edit("icna:clusters", (c) => (c.blue.nodeGroups.workload.instanceTypes = ["m6i-large"])), /^icna:clusters\.blue\.nodeGroups\.workload\.instanceTypes\[0\]: "m6i-large" is not an EC2 instance type/],
    ["both weights 0", () => edit("icna:traffic", (t) => (t.weights = { blue: 0, green: 0 })), /^icna:traffic\.weights: blue and green are both 0; Route 53 then splits traffic evenly .*\(allowed: at least one weight above 0\)/],
    ["weight out of range", () => edit("icna:traffic", (t) => (t.weights.green = 256)), /^icna:traffic\.weights\.green: 256 is too large \(allowed: ≤ 255\)/],
    ["live colour without traffic", () => edit("icna:traffic", (t) => (t.weights = { blue: 0, green: 100 })), /^icna:traffic\.live: the live colour blue has weight 0 \(allowed: the colour with traffic \(green\)/],
    ["unsupported Kubernetes version", () => edit("icna:clusters", (c) => (c.green.kubernetesVersion = "1.21")), /^icna:clusters\.green\.kubernetesVersion: "1\.21" is not an Amazon EKS version in the release calendar .*\(allowed: 1\.32, 1\.33, 1\.34, 1\.35; for a new cluster 1\.35/],
    ["Kubernetes version past extended support", () => edit("icna:clusters", (c) => (c.blue.kubernetesVersion = "1.31")), /^icna:clusters\.blue\.kubernetesVersion: "1\.31" left EKS extended support on 2026-11-26; upgrade blue\/green/],
    ["unknown setting (typo)", () => edit("icna:network", (n) => (n.natGateway = "single")), /^icna:network\.natGateway: unknown setting "natGateway" \(allowed: cidr, azCount, availabilityZones, natGateways/],
    ["unknown top-level key", () => ({ ...prod(), "icna:netwrok": "{}" }), /^icna:netwrok: unknown setting "netwrok" \(allowed: aws:region, icna:accountId, icna:environment/],
    ["spot system group", () => edit("icna:clusters", (c) => (c.blue.nodeGroups.system.capacityType = "SPOT")), /system\.capacityType: the system group runs cluster-critical add-ons .*\(allowed: ON_DEMAND\)/],
    ["single-node system group", () => edit("icna:clusters", (c) => Object.assign(c.blue.nodeGroups.system, { minSize: 1, desiredSize: 1 })), /system\.minSize: 1 node\(s\) cannot span two availability zones \(allowed: ≥ 2\)/],
    ["desired outside min–max", () => edit("icna:clusters", (c) => (c.blue.nodeGroups.workload.desiredSize = 99)), /workload\.desiredSize: 99 is outside 3–30/],
    ["public API endpoint in prod", () => edit("icna:clusters", (c) => (c.blue.publicEndpoint = { enabled: true, cidrs: ["203.0.113.0/24"] })), /^icna:clusters\.blue\.publicEndpoint\.enabled: a prod cluster keeps its API endpoint private/],
    ["missing required tag", () => edit("icna:tags", (t) => delete t["cost-center"]), /^icna:tags\.cost-center: is required on every resource/],
    ["DR region equal to the stack's", () => edit("icna:dr", (d) => (d.region = "us-east-1")), /^icna:dr\.region: is the stack's own region us-east-1/],
    ["bad account id", () => ({ ...prod(), "icna:accountId": "1234" }), /^icna:accountId: "1234" is not a 12-digit AWS account id/],
    ["invalid flow-log retention", () => edit("icna:network", (n) => (n.flowLogRetentionDays = 42)), /^icna:network\.flowLogRetentionDays: 42 must be a CloudWatch Logs retention period \(allowed: 1, 3, 5/],
    ["traffic to a disabled cluster", () => edit("icna:clusters", (c) => (c.blue.enabled = false)), /^icna:traffic\.weights\.blue: sends traffic to the blue cluster, which is disabled/],
    ["image pinned by tag in prod", () => edit("icna:runtime", (r) => (r.image = "ghcr.io/example/icna:0.1.0")), /^icna:runtime\.image: "ghcr\.io\/example\/icna:0\.1\.0" is pinned by tag; a prod stack runs an image pinned by digest/],
    ["image without a tag", () => edit("icna:runtime", (r) => (r.image = "ghcr.io/example/icna")), /^icna:runtime\.image: "ghcr\.io\/example\/icna" is not an image reference with an explicit tag or digest/],
    ["watcher signal without the colour", () => edit("icna:runtime", (r) => (r.watcher = { signals: [{ name: "cpu", query: "sum(rate(x[5m]))" }] })), /^icna:runtime\.watcher\.signals\[0\]\.query: "sum\(rate\(x\[5m\]\)\)" must select the cluster's colour with \$colour/],
    ["external Prometheus without Alertmanager", () => edit("icna:runtime", (r) => (r.prometheus = { mode: "external", url: "https://prom.example.com" })), /^icna:runtime\.prometheus\.alertmanagerUrl: is required but missing/],
    ["Grafana SSO client secret in plain config", () => edit("icna:runtime", (r) => (r.grafana = { sso: { name: "Okta", clientId: "grafana", rootUrl: "https://grafana.example.com", clientSecret: "hunter2", authUrl: "https://id.example.com/a", tokenUrl: "https://id.example.com/t", apiUrl: "https://id.example.com/u" } })), /^icna:runtime\.grafana\.sso\.clientSecret: must not be in plain config: set it with `pulumi config set --secret icna:grafanaSsoClientSecret <secret>`/],
    ["Grafana SSO over plain http", () => edit("icna:runtime", (r) => (r.grafana = { sso: { name: "Okta", clientId: "grafana", rootUrl: "https://grafana.example.com", authUrl: "http://id.example.com/a", tokenUrl: "https://id.example.com/t", apiUrl: "https://id.example.com/u" } })), /^icna:runtime\.grafana\.sso\.authUrl: .*is not an https URL/],
    ["region set in the wrong namespace", () => ({ ...prod(), "icna:region": "us-east-1" }), /^icna:region: the region is the AWS provider's setting \(allowed: aws:region\)/],
  ])("%s", (_label, settings, expected) => {
    const problems = problemsOf("prod", settings());
    expect(problems.some((p) => expected.test(p))).toBe(true);
  });

  it("never repeats a Grafana SSO client secret given in plain config", () => {
    const problems = problemsOf("prod", edit("icna:runtime", (r) => (r.grafana = { sso: { name: "Okta", clientId: "grafana", rootUrl: "https://grafana.example.com", clientSecret: "hunter2", authUrl: "https://id.example.com/a", tokenUrl: "https://id.example.com/t", apiUrl: "https://id.example.com/u" } })));
    expect(problems.join("\n")).not.toContain("hunter2");
  });

  it("rejects a stack name that cannot prefix AWS physical names", () => {
    expect(problemsOf("Production-EU-West-Primary-Stack", prod())).toEqual([
      'stack name: "Production-EU-West-Primary-Stack" cannot prefix AWS physical names (icna-<stack>-…) (allowed: 2–29 characters: lower-case letters, digits and hyphens, starting with a letter)',
    ]);
  });

  it("lists every problem at once, schema and cross-field alike", () => {
    let settings = edit("icna:network", (n) => (n.cidr = "bogus"));
    settings = withEdit(settings, "icna:traffic", (t) => (t.weights = { blue: 0, green: 0 }));
    settings = withEdit(settings, "icna:tags", (t) => delete t.owner);
    settings = { ...settings, "aws:region": "nowhere" };
    const problems = problemsOf("prod", settings);
    expect(problems.map((p) => p.slice(0, p.indexOf(": ")))).toEqual(expect.arrayContaining(["aws:region", "icna:network.cidr", "icna:traffic.weights", "icna:tags.owner"]));
    expect(problems).toHaveLength(4);
  });

  it("never lets a stack trace through: the error is a ConfigError with a fix hint", () => {
    expect(() => loadStackConfig("prod", { ...prod(), "icna:clusters": "not json" })).toThrow(ConfigError);
    expect(() => loadStackConfig("prod", { ...prod(), "icna:clusters": "not json" })).toThrow(/icna:clusters: must be an object, got "not json"[\s\S]*Fix them in Pulumi\.prod\.yaml/);
  });
});
