import * as grpc from "@grpc/grpc-js";
import { loadExternalScalerPackage, type GetMetricsRequest, type MetricSpec, type MetricValue, type ScaledObjectRef } from "../runtime/scaler/external-scaler-proto";

/** A client of KEDA's external scaler protocol, built from KEDA's own proto, as KEDA's operator calls it. */
export interface KedaScalerClient {
  isActive(ref: ScaledObjectRef): Promise<{ result: boolean }>;
  getMetricSpec(ref: ScaledObjectRef): Promise<{ metricSpecs: MetricSpec[] }>;
  getMetrics(request: GetMetricsRequest): Promise<{ metricValues: MetricValue[] }>;
  streamIsActive(ref: ScaledObjectRef): grpc.ClientReadableStream<{ result: boolean }>;
  close(): void;
}

type Unary<Req, Res> = (request: Req, callback: (error: grpc.ServiceError | null, response: Res) => void) => void;
interface GeneratedClient extends grpc.Client {
  IsActive: Unary<ScaledObjectRef, { result: boolean }>;
  GetMetricSpec: Unary<ScaledObjectRef, { metricSpecs: MetricSpec[] }>;
  GetMetrics: Unary<GetMetricsRequest, { metricValues: MetricValue[] }>;
  StreamIsActive(ref: ScaledObjectRef): grpc.ClientReadableStream<{ result: boolean }>;
}

/** Connects to an external scaler at `address` (`host:port`); calls reject with the gRPC error. */
export function connectKedaScaler(address: string): KedaScalerClient {
  const ExternalScaler = loadExternalScalerPackage().ExternalScaler as grpc.ServiceClientConstructor;
  const client = new ExternalScaler(address, grpc.credentials.createInsecure()) as unknown as GeneratedClient;
  const call = <Req, Res>(method: Unary<Req, Res>, request: Req) =>
    new Promise<Res>((resolve, reject) => method.call(client, request, (error, response) => (error ? reject(error) : resolve(response))));
  return {
    isActive: (ref) => call(client.IsActive, ref),
    getMetricSpec: (ref) => call(client.GetMetricSpec, ref),
    getMetrics: (request) => call(client.GetMetrics, request),
    streamIsActive: (ref) => client.StreamIsActive(ref),
    close: () => client.close(),
  };
}
