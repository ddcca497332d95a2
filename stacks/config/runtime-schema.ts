import { z } from "zod";
import { DEFAULT_WATCHED_SIGNALS } from "../../components/observability/default-watched-signals";
import type { WatchedSignal } from "../../components/observability/watcher-settings";
import type { PrometheusSource } from "../../components/autoscaling-stack/autoscaling-stack";
import type { GrafanaSso } from "../../components/autoscaling-stack/grafana";
import type { KarpenterArgs } from "../../components/autoscaling-stack/karpenter-settings";
import { ConfigProblem } from "./config-error";

/** A container image reference with an explicit tag or digest (never an implicit :latest). */
const IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;
const HTTP_URL = z.url({ protocol: /^https?$/, error: "is not an http(s) URL such as http://prometheus.monitoring.svc:9090" });

const HTTPS_URL = z.url({ protocol: /^https$/, error: "is not an https URL such as https://login.example.com/oauth2/v1/authorize" });

/** Pulumi config key of the SSO client secret: a secret, never plain config. */
export const GRAFANA_SSO_CLIENT_SECRET_KEY = "grafanaSsoClientSecret";

/** Grafana's single sign-on through an OAuth 2.0 / OIDC provider (generic OAuth). */
const grafanaSsoSchema = z
  .object({
    /** Shown on the login button, e.g. Okta. */
    name: z.string().min(1),
    clientId: z.string().min(1),
    /** Grafana's external URL; the provider must allow `<rootUrl>/login/generic_oauth` as redirect. */
    rootUrl: HTTPS_URL,
    /** Refused here: the client secret is read from the secret config key `icna:grafanaSsoClientSecret`. */
    clientSecret: z.unknown().refine((value) => value === undefined, { message: `must not be in plain config: set it with \`pulumi config set --secret icna:${GRAFANA_SSO_CLIENT_SECRET_KEY} <secret>\``, params: { secret: true } }).optional(),
    authUrl: HTTPS_URL,
    tokenUrl: HTTPS_URL,
    apiUrl: HTTPS_URL,
    scopes: z.array(z.string().min(1)).min(1).optional(),
    /** Only users with e-mail addresses in these domains may sign in. */
    allowedDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { error: "is not a domain such as example.com" })).min(1).optional(),
    /** JMESPath from the user's claims to Viewer, Editor or Admin; default: every user is a Viewer. */
    roleAttributePath: z.string().min(1).optional(),
  })
  .strict();

const signalSchema = z
  .object({
    /** Metric-style name, e.g. latency_p99. */
    name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { error: "is not a metric-style name such as latency_p99" }),
    /** PromQL returning one series; `$colour` is replaced by the cluster's colour. */
    query: z.string().includes("$colour", { error: "must select the cluster's colour with $colour, e.g. {colour=\"$colour\"}" }),
    severity: z.enum(["info", "warning", "critical"]).optional(),
  })
  .strict();

/** `icna:runtime`: the in-cluster services every colour runs (autoscaling stack, PSE, anomaly watcher). */
export const runtimeSchema = z
  .object({
    /** The ICNA image (entrypoint `icna`) for the PSE and the watcher; tag or digest required, a digest in production. */
    image: z.string().regex(IMAGE, { error: "is not an image reference with an explicit tag or digest (registry/repo:1.2.3 or registry/repo@sha256:…)" }),
    /** in-cluster kube-prometheus-stack, or an external Prometheus (and then its Alertmanager). */
    prometheus: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("in-cluster") }).strict(),
      z.object({ mode: z.literal("external"), url: HTTP_URL, alertmanagerUrl: HTTP_URL }).strict(),
    ]),
    /** What Karpenter may launch. @default on-demand m/c/r 6th–7th generation, ≤ 100 vCPUs */
    karpenter: z
      .object({
        instanceFamilies: z.array(z.string()).min(1).optional(),
        capacityTypes: z.array(z.enum(["on-demand", "spot"])).min(1).optional(),
        cpuLimit: z.number().int().min(1).max(100000).optional(),
        diskSizeGiB: z.number().int().min(20).max(16384).optional(),
        amiAlias: z.string().optional(),
      })
      .strict()
      .optional(),
    /** The anomaly watcher's signals and cadence. @default request latency p99, error ratio and throughput */
    watcher: z
      .object({ signals: z.array(signalSchema).min(1).optional(), interval: z.string().regex(/^\d+[smhd]$/, { error: "is not a duration such as 60s or 5m" }).optional(), alertThreshold: z.number().gt(0).lt(1).optional() })
      .strict()
      .optional(),
    /** Grafana (with the in-cluster Prometheus): optional SSO; the admin password is always generated into a Secret. */
    grafana: z.object({ sso: grafanaSsoSchema.optional() }).strict().optional(),
  })
  .strict();

export type RuntimeInput = z.infer<typeof runtimeSchema>;

/** The runtime services with every default applied. */
export interface RuntimeConfig {
  readonly image: string;
  readonly prometheus: PrometheusSource;
  /** Alertmanager the watchers alert: the in-cluster one, or the external one. */
  readonly alertmanagerUrl?: string;
  readonly karpenter: KarpenterArgs;
  readonly watcher: { readonly signals: readonly WatchedSignal[]; readonly interval: string; readonly alertThreshold: number };
  /** Grafana SSO without its client secret (read from the secret config key {@link GRAFANA_SSO_CLIENT_SECRET_KEY}). */
  readonly grafanaSso?: Omit<GrafanaSso, "clientSecret">;
}

export function resolveRuntime(input: RuntimeInput): RuntimeConfig {
  const prometheus: PrometheusSource = input.prometheus.mode === "external" ? { mode: "external", url: input.prometheus.url } : { mode: "in-cluster" };
  return {
    image: input.image,
    prometheus,
    alertmanagerUrl: input.prometheus.mode === "external" ? input.prometheus.alertmanagerUrl : undefined,
    karpenter: input.karpenter ?? {},
    watcher: { signals: input.watcher?.signals ?? DEFAULT_WATCHED_SIGNALS, interval: input.watcher?.interval ?? "60s", alertThreshold: input.watcher?.alertThreshold ?? 0.6 },
    grafanaSso: input.grafana?.sso && grafanaSsoOf(input.grafana.sso),
  };
}

/** Production pins the image by digest, so a re-pushed tag can never change what runs. */
export function checkRuntime(input: { environment: string; runtime: RuntimeInput }): ConfigProblem[] {
  if (input.environment !== "dev" && !input.runtime.image.includes("@sha256:")) {
    return [{ path: "icna:runtime.image", message: `"${input.runtime.image}" is pinned by tag; a ${input.environment} stack runs an image pinned by digest`, allowed: "registry/repo@sha256:<64 hex digits>" }];
  }
  return [];
}

function grafanaSsoOf(sso: z.infer<typeof grafanaSsoSchema>): Omit<GrafanaSso, "clientSecret"> {
  const { clientSecret: _refused, ...settings } = sso;
  return settings;
}
