import { UNKNOWN } from "../../../review/plan/model";
import { set } from "../../test-support/change";
import { RuleCase } from "../../test-support/cases";
import { urnOf } from "../../test-support/compliant-stack";
import { TYPES } from "../../knowledge/type-tokens";

const U = UNKNOWN;
const C = "spec.template.spec.containers.0";
const cronJob = {
  add: {
    type: TYPES.k8sCronJob,
    name: "nightly",
    urn: urnOf(TYPES.k8sCronJob, "nightly"),
    props: { metadata: { namespace: "app" }, spec: { schedule: "0 3 * * *", jobTemplate: { spec: { template: { spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: "job", image: "busybox", resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } } }] } } } } } },
  },
} as const;

const monitoring = {
  add: {
    type: TYPES.k8sHelmRelease,
    name: "monitoring",
    urn: urnOf(TYPES.k8sHelmRelease, "monitoring"),
    props: { chart: "kube-prometheus-stack", namespace: "monitoring", values: { grafana: { enabled: true, admin: { existingSecret: "grafana-admin", userKey: "admin-user", passwordKey: "admin-password" } } } },
  },
} as const;

export const KUBERNETES_CASES: RuleCase[] = [
  // k8s-grafana-admin-from-secret
  { rule: "k8s-grafana-admin-from-secret", title: "admin password from a Secret", subject: "monitoring", changes: [monitoring], expect: "pass" },
  { rule: "k8s-grafana-admin-from-secret", title: "Grafana disabled", subject: "monitoring", changes: [monitoring, set("monitoring", { "values.grafana": { enabled: false } })], expect: "pass" },
  { rule: "k8s-grafana-admin-from-secret", title: "admin password in plain values", subject: "monitoring", changes: [monitoring, set("monitoring", { "values.grafana.adminPassword": "hunter2" })], expect: "violation", message: ["grafana.adminPassword", "Kubernetes Secret"] },
  { rule: "k8s-grafana-admin-from-secret", title: "no existing Secret: the chart's public default", subject: "monitoring", changes: [monitoring, set("monitoring", { "values.grafana.admin": undefined })], expect: "violation", message: ["grafana.admin.existingSecret", "public default"] },
  { rule: "k8s-grafana-admin-from-secret", title: "the Grafana chart itself", subject: "monitoring", changes: [monitoring, set("monitoring", { chart: "grafana/grafana", values: { adminPassword: "admin" } })], expect: "violation", message: ["adminPassword"] },
  { rule: "k8s-grafana-admin-from-secret", title: "Grafana values computed", subject: "monitoring", changes: [monitoring, set("monitoring", { "values.grafana": U })], expect: "undecided" },

  // k8s-resource-requests-limits
  { rule: "k8s-resource-requests-limits", title: "requests and memory limit set", subject: "api", expect: "pass" },
  { rule: "k8s-resource-requests-limits", title: "no memory limit", subject: "api", changes: [set("api", { [`${C}.resources.limits`]: undefined })], expect: "violation", message: ['Deployment "api" container "api"', "resources.limits.memory"] },
  { rule: "k8s-resource-requests-limits", title: "CronJob container without requests", subject: "nightly", changes: [cronJob, set("nightly", { "spec.jobTemplate.spec.template.spec.containers.0.resources": undefined })], expect: "violation", message: ["requests.cpu"] },
  { rule: "k8s-resource-requests-limits", title: "containers computed", subject: "api", changes: [set("api", { "spec.template.spec.containers": U })], expect: "undecided" },

  // k8s-image-pinned
  { rule: "k8s-image-pinned", title: "version tag", subject: "api", expect: "pass" },
  { rule: "k8s-image-pinned", title: "digest", subject: "api", changes: [set("api", { [`${C}.image`]: "ghcr.io/icna/api@sha256:0f3c9b7c0f2a" })], expect: "pass" },
  { rule: "k8s-image-pinned", title: ":latest", subject: "api", changes: [set("api", { [`${C}.image`]: "ghcr.io/icna/api:latest" })], expect: "violation", message: [":latest"] },
  { rule: "k8s-image-pinned", title: "untagged image with a registry port", subject: "api", changes: [set("api", { [`${C}.image`]: "registry.local:5000/icna/api" })], expect: "violation", message: ["untagged"] },
  { rule: "k8s-image-pinned", title: "image built by the program (unknown at preview)", subject: "api", changes: [set("api", { [`${C}.image`]: U })], expect: "undecided" },

  // k8s-run-as-non-root
  { rule: "k8s-run-as-non-root", title: "pod-level runAsNonRoot", subject: "api", expect: "pass" },
  { rule: "k8s-run-as-non-root", title: "container-level non-zero user", subject: "api", changes: [set("api", { "spec.template.spec.securityContext": undefined, [`${C}.securityContext.runAsUser`]: 1000 })], expect: "pass" },
  { rule: "k8s-run-as-non-root", title: "no security context", subject: "api", changes: [set("api", { "spec.template.spec.securityContext": undefined })], expect: "violation", message: ["may run as root"] },
  { rule: "k8s-run-as-non-root", title: "container overrides to root", subject: "api", changes: [set("api", { [`${C}.securityContext.runAsUser`]: 0 })], expect: "violation", message: ["runAsUser: 0"] },
  { rule: "k8s-run-as-non-root", title: "runAsNonRoot computed", subject: "api", changes: [set("api", { "spec.template.spec.securityContext.runAsNonRoot": U })], expect: "undecided" },

  // k8s-no-privileged
  { rule: "k8s-no-privileged", title: "no escalation, capabilities dropped", subject: "api", expect: "pass" },
  { rule: "k8s-no-privileged", title: "privileged container", subject: "api", changes: [set("api", { [`${C}.securityContext.privileged`]: true })], expect: "violation", message: ["privileged"] },
  { rule: "k8s-no-privileged", title: "SYS_ADMIN added", subject: "api", changes: [set("api", { [`${C}.securityContext.capabilities.add`]: ["NET_BIND_SERVICE", "SYS_ADMIN"] })], expect: "violation", message: ["SYS_ADMIN"] },
  { rule: "k8s-no-privileged", title: "privileged flag computed", subject: "api", changes: [set("api", { [`${C}.securityContext.privileged`]: U })], expect: "undecided" },

  // k8s-no-host-access
  { rule: "k8s-no-host-access", title: "emptyDir only", subject: "api", expect: "pass" },
  { rule: "k8s-no-host-access", title: "hostPath volume", subject: "api", changes: [set("api", { "spec.template.spec.volumes": [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }] })], expect: "violation", message: ['hostPath volume "docker" (/var/run/docker.sock)'] },
  { rule: "k8s-no-host-access", title: "host network", subject: "api", changes: [set("api", { "spec.template.spec.hostNetwork": true })], expect: "violation", message: ["hostNetwork: true"] },
  { rule: "k8s-no-host-access", title: "volumes computed", subject: "api", changes: [set("api", { "spec.template.spec.volumes": U })], expect: "undecided" },

  // k8s-prod-pod-disruption-budget
  { rule: "k8s-prod-pod-disruption-budget", title: "Deployment covered by a PDB", expect: "pass" },
  { rule: "k8s-prod-pod-disruption-budget", title: "PDB removed", changes: [{ remove: "api-pdb" }], expect: "violation", message: ['Deployment "api"', '"app"', "PodDisruptionBudget"] },
  { rule: "k8s-prod-pod-disruption-budget", title: "PDB in another namespace", changes: [set("api-pdb", { "metadata.namespace": "other" })], expect: "violation" },
  { rule: "k8s-prod-pod-disruption-budget", title: "PDB selecting with matchExpressions", changes: [set("api-pdb", { "spec.selector": { matchExpressions: [{ key: "tier", operator: "In", values: ["web", "edge"] }] } })], expect: "pass" },
  { rule: "k8s-prod-pod-disruption-budget", title: "PDB selector not matching", changes: [set("api-pdb", { "spec.selector.matchLabels": { app: "worker" } })], expect: "violation" },
  { rule: "k8s-prod-pod-disruption-budget", title: "pod labels computed", changes: [set("api", { "spec.template.metadata.labels.app": U })], expect: "undecided" },
  { rule: "k8s-prod-pod-disruption-budget", title: "a deliberate singleton (replicas: 1) is exempt", changes: [{ remove: "api-pdb" }, set("api", { "spec.replicas": 1 })], expect: "pass" },
  { rule: "k8s-prod-pod-disruption-budget", title: "an unset replica count (autoscaled) still needs a budget", changes: [{ remove: "api-pdb" }, set("api", { "spec.replicas": undefined })], expect: "violation" },
  { rule: "k8s-prod-pod-disruption-budget", title: "replica count computed", changes: [{ remove: "api-pdb" }, set("api", { "spec.replicas": U })], expect: "undecided" },
];
