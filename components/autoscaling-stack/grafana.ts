import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { ClusterHandle } from "../eks-cluster/cluster-handle";
import { irsaTrustPolicy } from "../eks-cluster/iam-documents";
import type { AwsAccount } from "../shared/aws-account";
import { MONITORING_NAMESPACE } from "./monitoring-namespace";

/** Grafana's objects in the monitoring namespace (fixed, so the IRSA trust and the dashboards' sidecar can name them). */
export const GRAFANA_SERVICE_ACCOUNT = "grafana";
export const GRAFANA_ADMIN_SECRET = "grafana-admin";
const GRAFANA_OAUTH_SECRET = "grafana-oauth";
/** Label the chart's dashboard sidecar loads ConfigMaps by. */
export const GRAFANA_DASHBOARD_LABEL = { grafana_dashboard: "1" } as const;
/** Datasource uids the dashboards refer to. */
export const PROMETHEUS_DATASOURCE_UID = "prometheus";
export const CLOUDWATCH_DATASOURCE_UID = "cloudwatch";

/** Single sign-on through an OAuth 2.0 / OIDC provider (Grafana's generic OAuth). */
export interface GrafanaSso {
  /** Shown on the login button, e.g. "Okta". */
  readonly name: string;
  readonly clientId: string;
  /** Grafana's own external URL (`server.root_url`): the OAuth redirect goes to `<rootUrl>/login/generic_oauth`. */
  readonly rootUrl: string;
  /** The OAuth client secret: a Pulumi secret (never plain config). */
  readonly clientSecret: pulumi.Input<string>;
  readonly authUrl: string;
  readonly tokenUrl: string;
  readonly apiUrl: string;
  /** @default ["openid", "email", "profile"] */
  readonly scopes?: readonly string[];
  /** Only users of these e-mail domains may sign in. @default any the provider admits */
  readonly allowedDomains?: readonly string[];
  /** JMESPath mapping the user's claims to Viewer, Editor or Admin. @default every user is a Viewer */
  readonly roleAttributePath?: string;
}

export interface GrafanaArgs {
  readonly cluster: Pick<ClusterHandle, "oidcProviderArn" | "oidcProviderUrl">;
  readonly clusterName: pulumi.Input<string>;
  readonly account: AwsAccount;
  readonly namespace: pulumi.Input<string>;
  readonly tags: Record<string, string>;
  readonly sso?: GrafanaSso;
}

/** What the kube-prometheus-stack release needs: its `grafana` values and the resources they refer to. */
export interface GrafanaSetup {
  readonly values: pulumi.Inputs;
  readonly dependsOn: pulumi.Resource[];
  readonly cloudWatchRoleArn: pulumi.Output<string>;
}

/** Read-only CloudWatch metrics and alarms, what Grafana's CloudWatch datasource needs to query and list them (these actions take no resource ARNs). */
export const CLOUDWATCH_READ_ONLY_ACTIONS = [
  "cloudwatch:DescribeAlarmsForMetric",
  "cloudwatch:DescribeAlarmHistory",
  "cloudwatch:DescribeAlarms",
  "cloudwatch:ListMetrics",
  "cloudwatch:GetMetricData",
  "cloudwatch:GetInsightRuleReport",
  "ec2:DescribeRegions",
  "tag:GetResources",
] as const;

export function cloudWatchReadOnlyPolicy(): string {
  return JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "GrafanaCloudWatchReadOnly", Effect: "Allow", Action: [...CLOUDWATCH_READ_ONLY_ACTIONS], Resource: "*" }] });
}

/**
 * Grafana inside kube-prometheus-stack, safely: an admin password Pulumi generates into a Kubernetes
 * Secret (never the chart default, never a stack output), anonymous access off, optional generic-OAuth
 * SSO, datasources Prometheus and Alertmanager (the chart's, in-cluster) and CloudWatch through an IRSA
 * role that only Grafana's service account may assume and that can only read metrics and alarms.
 */
export function createGrafana(name: string, args: GrafanaArgs, awsOpts: pulumi.CustomResourceOptions, k8sOpts: pulumi.CustomResourceOptions): GrafanaSetup {
  const password = new random.RandomPassword(`${name}-grafana-admin`, { length: 32, special: false }, { parent: awsOpts.parent });
  const adminSecret = new k8s.core.v1.Secret(`${name}-grafana-admin`, {
    metadata: { name: GRAFANA_ADMIN_SECRET, namespace: args.namespace },
    type: "Opaque",
    stringData: { "admin-user": "admin", "admin-password": password.result },
  }, k8sOpts);
  const dependsOn: pulumi.Resource[] = [adminSecret];

  const role = new aws.iam.Role(`${name}-grafana-cloudwatch`, {
    description: pulumi.interpolate`Grafana of ${args.clusterName}: read CloudWatch metrics (IRSA: monitoring/${GRAFANA_SERVICE_ACCOUNT} only)`,
    assumeRolePolicy: irsaTrustPolicy(args.cluster.oidcProviderArn, args.cluster.oidcProviderUrl, MONITORING_NAMESPACE, GRAFANA_SERVICE_ACCOUNT),
    maxSessionDuration: 3600,
    tags: args.tags,
  }, awsOpts);
  new aws.iam.RolePolicy(`${name}-grafana-cloudwatch`, { role: role.id, policy: cloudWatchReadOnlyPolicy() }, awsOpts);

  const ini: Record<string, unknown> = {
    "auth.anonymous": { enabled: false },
    users: { allow_sign_up: false },
    security: { cookie_secure: true, disable_gravatar: true },
  };
  let env: Record<string, unknown> = {};
  if (args.sso) {
    const sso = args.sso;
    const oauth = new k8s.core.v1.Secret(`${name}-grafana-oauth`, {
      metadata: { name: GRAFANA_OAUTH_SECRET, namespace: args.namespace },
      type: "Opaque",
      stringData: { GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: sso.clientSecret },
    }, k8sOpts);
    dependsOn.push(oauth);
    ini["auth.generic_oauth"] = {
      enabled: true,
      name: sso.name,
      client_id: sso.clientId,
      scopes: (sso.scopes ?? ["openid", "email", "profile"]).join(" "),
      auth_url: sso.authUrl,
      token_url: sso.tokenUrl,
      api_url: sso.apiUrl,
      allowed_domains: (sso.allowedDomains ?? []).join(" "),
      allow_sign_up: true,
      use_pkce: true,
      role_attribute_path: sso.roleAttributePath ?? "'Viewer'",
      role_attribute_strict: true,
    };
    ini.server = { root_url: sso.rootUrl };
    env = { envFromSecret: GRAFANA_OAUTH_SECRET };
  }

  const values: pulumi.Inputs = {
    enabled: true,
    fullnameOverride: "grafana",
    admin: { existingSecret: GRAFANA_ADMIN_SECRET, userKey: "admin-user", passwordKey: "admin-password" },
    "grafana.ini": ini,
    ...env,
    serviceAccount: { create: true, name: GRAFANA_SERVICE_ACCOUNT, annotations: { "eks.amazonaws.com/role-arn": role.arn } },
    sidecar: {
      dashboards: { enabled: true, label: Object.keys(GRAFANA_DASHBOARD_LABEL)[0], labelValue: GRAFANA_DASHBOARD_LABEL.grafana_dashboard, searchNamespace: "ALL" },
      datasources: { enabled: true, defaultDatasourceEnabled: true, uid: PROMETHEUS_DATASOURCE_UID, alertmanager: { enabled: true } },
    },
    additionalDataSources: [
      { name: "CloudWatch", type: "cloudwatch", uid: CLOUDWATCH_DATASOURCE_UID, access: "proxy", editable: false, jsonData: { authType: "default", defaultRegion: args.account.region } },
    ],
    resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  };
  return { values, dependsOn, cloudWatchRoleArn: role.arn };
}
