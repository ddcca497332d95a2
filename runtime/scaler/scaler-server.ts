import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { loadExternalScalerPackage, type GetMetricsRequest, type MetricSpec, type MetricValue, type ScaledObjectRef } from "./external-scaler-proto";
import { kedaTargetSize, LoadUnknownError, PredictiveScaler } from "./predictive-scaler";
import { parseScalerMetadata, ScalerMetadataError, type ScalerMetadata } from "./scaler-metadata";
import { ScalerMetrics } from "./scaler-metrics";

export interface ScalerServerOptions {
  /** Listen address; loopback unless deployed. @default "127.0.0.1" */
  readonly host?: string;
  /** gRPC port (0 picks a free one). */
  readonly port: number;
  /** Port of the HTTP `/metrics` endpoint (0 picks a free one). */
  readonly metricsPort: number;
  readonly defaultPrometheusUrl?: string;
  readonly refitIntervalMs: number;
  /** How often StreamIsActive pushes. @default 30000 */
  readonly streamIntervalMs?: number;
  readonly log: (line: string) => void;
}

export interface RunningScalerServer {
  readonly grpcPort: number;
  readonly metricsPort: number;
  close(): Promise<void>;
}

const scaledObjectKey = (ref: ScaledObjectRef) => `${ref.namespace}/${ref.name}`;

/** `icna scaler serve`: KEDA's external scaler protocol backed by the PSE, plus its own /metrics. */
export async function startScalerServer(options: ScalerServerOptions): Promise<RunningScalerServer> {
  const host = options.host ?? "127.0.0.1";
  const metrics = new ScalerMetrics();
  const scaler = new PredictiveScaler({ defaultPrometheusUrl: options.defaultPrometheusUrl, refitIntervalMs: options.refitIntervalMs, metrics, log: options.log });
  const metricNameOf = (ref: ScaledObjectRef, metadata: ScalerMetadata) => metadata.metricName ?? `pse-${ref.namespace}-${ref.name}`;
  const parse = (ref: ScaledObjectRef) => parseScalerMetadata(scaledObjectKey(ref), ref.scalerMetadata ?? {});
  const toStatus = (error: unknown): Partial<grpc.StatusObject> => {
    if (error instanceof ScalerMetadataError) return { code: grpc.status.INVALID_ARGUMENT, details: error.message };
    if (error instanceof LoadUnknownError) return { code: grpc.status.UNAVAILABLE, details: error.message };
    return { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error) };
  };
  const specOf = (ref: ScaledObjectRef): MetricSpec => {
    const metadata = parse(ref);
    return { metricName: metricNameOf(ref, metadata), targetSize: Math.max(1, Math.round(metadata.capacityPerPod)), targetSizeFloat: kedaTargetSize(metadata) };
  };
  const isActive = async (ref: ScaledObjectRef) => (await scaler.evaluate(scaledObjectKey(ref), parse(ref))).decision.targetLoad > 0;

  // KEDA holds push streams open for as long as the ScaledObject lives: a graceful shutdown ends them first.
  const openStreams = new Set<grpc.ServerWritableStream<ScaledObjectRef, unknown>>();
  const server = new grpc.Server();
  const service = (loadExternalScalerPackage().ExternalScaler as grpc.ServiceClientConstructor).service;
  server.addService(service, {
    IsActive: (call: grpc.ServerUnaryCall<ScaledObjectRef, unknown>, callback: grpc.sendUnaryData<{ result: boolean }>) => {
      isActive(call.request).then((result) => callback(null, { result }), (error: unknown) => callback(toStatus(error)));
    },
    StreamIsActive: (call: grpc.ServerWritableStream<ScaledObjectRef, { result: boolean }>) => {
      const push = () => isActive(call.request).then((result) => call.write({ result }), (error: unknown) => call.destroy(Object.assign(new Error(toStatus(error).details), toStatus(error))));
      void push();
      const timer = setInterval(() => void push(), options.streamIntervalMs ?? 30_000);
      openStreams.add(call);
      const stop = () => {
        clearInterval(timer);
        openStreams.delete(call);
      };
      call.on("cancelled", stop);
      call.on("close", stop);
      call.on("finish", stop);
    },
    GetMetricSpec: (call: grpc.ServerUnaryCall<ScaledObjectRef, unknown>, callback: grpc.sendUnaryData<{ metricSpecs: MetricSpec[] }>) => {
      try {
        callback(null, { metricSpecs: [specOf(call.request)] });
      } catch (error) {
        callback(toStatus(error));
      }
    },
    StreamMetricSpec: (call: grpc.ServerWritableStream<ScaledObjectRef, { metricSpecs: MetricSpec[] }>) => {
      try {
        call.write({ metricSpecs: [specOf(call.request)] });
        openStreams.add(call);
        const stop = () => openStreams.delete(call);
        call.on("cancelled", stop);
        call.on("close", stop);
        call.on("finish", stop);
      } catch (error) {
        call.destroy(Object.assign(new Error(toStatus(error).details), toStatus(error)));
      }
    },
    GetMetrics: (call: grpc.ServerUnaryCall<GetMetricsRequest, unknown>, callback: grpc.sendUnaryData<{ metricValues: MetricValue[] }>) => {
      const ref = call.request.scaledObjectRef;
      Promise.resolve()
        .then(async () => {
          const metadata = parse(ref);
          const evaluation = await scaler.evaluate(scaledObjectKey(ref), metadata);
          const metricName = call.request.metricName || metricNameOf(ref, metadata);
          return { metricValues: [{ metricName, metricValue: Math.round(evaluation.metricValue), metricValueFloat: evaluation.metricValue }] };
        })
        .then((response) => callback(null, response), (error: unknown) => callback(toStatus(error)));
    },
  });
  const grpcPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
  );
  const metricsServer = http.createServer((request, response) => {
    if (request.url !== "/metrics") {
      response.writeHead(404).end("see /metrics\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve) => metricsServer.listen(options.metricsPort, host, resolve));
  options.log(`PSE external scaler listening on ${host}:${grpcPort} (gRPC), metrics on http://${host}:${(metricsServer.address() as AddressInfo).port}/metrics`);
  return {
    grpcPort,
    metricsPort: (metricsServer.address() as AddressInfo).port,
    close: async () => {
      const closing = new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      for (const stream of openStreams) stream.end();
      await closing;
      await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    },
  };
}
