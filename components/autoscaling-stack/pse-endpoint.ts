/** Where the Predictive Scaling Engine runs in every cluster: fixed, so ScaledObjects can name it. */
export const PSE_NAMESPACE = "icna-autoscaling";
export const PSE_NAME = "icna-pse";
/** `icna scaler serve --port`: KEDA's external-scaler gRPC. */
export const PSE_GRPC_PORT = 9090;
/** `icna scaler serve --metrics-port`: the PSE's own Prometheus `/metrics`. */
export const PSE_METRICS_PORT = 9091;
/** The address KEDA dials (a ScaledObject trigger's `scalerAddress`). */
export const PSE_ADDRESS = `${PSE_NAME}.${PSE_NAMESPACE}.svc.cluster.local:${PSE_GRPC_PORT}`;
