/** The namespace of the in-cluster monitoring stack (kube-prometheus-stack, Grafana, the anomaly watchers). */
export const MONITORING_NAMESPACE = "monitoring";
