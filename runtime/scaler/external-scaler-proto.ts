import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";

/** KEDA's `externalscaler.proto`, loaded at runtime (field names kept as in the proto). */
export function loadExternalScalerPackage(): grpc.GrpcObject {
  const definition = protoLoader.loadSync(path.join(__dirname, "proto", "externalscaler.proto"), { keepCase: true, longs: Number, defaults: true });
  return grpc.loadPackageDefinition(definition).externalscaler as grpc.GrpcObject;
}

export interface ScaledObjectRef {
  name: string;
  namespace: string;
  scalerMetadata: Record<string, string>;
}
export interface GetMetricsRequest {
  scaledObjectRef: ScaledObjectRef;
  metricName: string;
}
export interface MetricSpec {
  metricName: string;
  targetSize: number;
  targetSizeFloat: number;
}
export interface MetricValue {
  metricName: string;
  metricValue: number;
  metricValueFloat: number;
}
