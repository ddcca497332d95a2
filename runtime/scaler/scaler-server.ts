import type { AddressInfo } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { loadExternalScalerPackage, type GetMetricsRequest, type MetricSpec, type MetricValue, type ScaledObjectRef } from "./external-scaler-proto";
import type { PrometheusClientOptions } from "../prometheus/prometheus-client";
import { ForecastPool } from "./forecast-pool";
import { EvaluationTimeoutError, kedaTargetSize, LoadUnknownError, PredictiveScaler } from "./predictive-scaler";
import { InvalidQueryError, QueryValidator } from "./query-validation";
import { parseScalerMetadata, ScalerMetadataError, type ScalerMetadata } from "./scaler-metadata";
import { ScalerMetrics } from "./scaler-metrics";
import { startMetricsServer } from "../watch/metrics-server";

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
  /** Deadline, retries and size limits of every Prometheus read. */
  readonly prometheus?: PrometheusClientOptions;
  /** Worker threads that refit forecasts. @default cores − 1, at least 1, at most 4 */
  readonly forecastWorkers?: number;
  /** How long a call with no fit yet waits for its first fit before serving the observed load. @default 2000 */
  readonly firstFitWaitMs?: number;
  readonly log: (line: string) => void;
}

export interface RunningScalerServer {
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** Ends every open stream, stops accepting calls and closes, forcing the connections closed after `graceMs` (default 5000). */
  close(graceMs?: number): Promise<void>;
}

const scaledObjectKey = (ref: ScaledObjectRef) => `${ref.namespace}/${ref.name}`;

/** `icna scaler serve`: KEDA's external scaler protocol backed by the PSE, plus its own /metrics. */
export async function startScalerServer(options: ScalerServerOptions): Promise<RunningScalerServer> {
  const host = options.host ?? "127.0.0.1";
  const metrics = new ScalerMetrics();
  const pool = new ForecastPool({ size: options.forecastWorkers, log: options.log });
  const scaler = new PredictiveScaler({
    defaultPrometheusUrl: options.defaultPrometheusUrl,
    refitIntervalMs: options.refitIntervalMs,
    metrics,
    log: options.log,
    prometheus: options.prometheus,
    pool,
    firstFitWaitMs: options.firstFitWaitMs,
    measurePeakLeads: true,
  });
  const validator = new QueryValidator(options.prometheus ?? {}, options.log);
  const metricNameOf = (ref: ScaledObjectRef, metadata: ScalerMetadata) => metadata.metricName ?? `pse-${ref.namespace}-${ref.name}`;
  const parse = (ref: ScaledObjectRef) => parseScalerMetadata(scaledObjectKey(ref), ref.scalerMetadata ?? {});
  const toStatus = (error: unknown): grpc.StatusObject => {
    const status = (code: grpc.status, details: string): grpc.StatusObject => ({ code, details, metadata: new grpc.Metadata() });
    if (error instanceof ScalerMetadataError || error instanceof InvalidQueryError) return status(grpc.status.INVALID_ARGUMENT, error.message);
    if (error instanceof LoadUnknownError) return status(error.reason === "query-rejected" ? grpc.status.INVALID_ARGUMENT : grpc.status.UNAVAILABLE, error.message);
    if (error instanceof EvaluationTimeoutError) return status(grpc.status.UNAVAILABLE, error.message);
    options.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return status(grpc.status.INTERNAL, error instanceof Error ? error.message : String(error));
  };
  /** Ends a stream with the status saying why it cannot be served. */
  const fail = (call: grpc.ServerWritableStream<ScaledObjectRef, unknown>, error: unknown) => {
    const status = toStatus(error);
    call.emit("error", Object.assign(new Error(status.details), status));
  };
  const specOf = async (ref: ScaledObjectRef): Promise<MetricSpec> => {
    const metadata = parse(ref);
    await validator.check(scaledObjectKey(ref), metadata.prometheusUrl ?? options.defaultPrometheusUrl, metadata.query);
    return { metricName: metricNameOf(ref, metadata), targetSize: Math.max(1, Math.round(metadata.capacityPerPod)), targetSizeFloat: kedaTargetSize(metadata) };
  };
  const isActive = async (ref: ScaledObjectRef) => (await scaler.evaluate(scaledObjectKey(ref), parse(ref))).decision.targetLoad > 0;

  // KEDA holds push streams open for as long as the ScaledObject lives: a graceful shutdown ends them first.
  const openStreams = new Set<grpc.ServerWritableStream<ScaledObjectRef, unknown>>();
  const track = (call: grpc.ServerWritableStream<ScaledObjectRef, unknown>, stop: () => void = () => undefined) => {
    openStreams.add(call);
    const end = () => {
      stop();
      openStreams.delete(call);
    };
    call.on("cancelled", end);
    call.on("close", end);
    call.on("finish", end);
    call.on("error", end);
  };
  let closing = false;
  const server = new grpc.Server();
  const service = (loadExternalScalerPackage().ExternalScaler as grpc.ServiceClientConstructor).service;
  server.addService(service, {
    IsActive: (call: grpc.ServerUnaryCall<ScaledObjectRef, unknown>, callback: grpc.sendUnaryData<{ result: boolean }>) => {
      isActive(call.request).then((result) => callback(null, { result }), (error: unknown) => callback(toStatus(error)));
    },
    StreamIsActive: (call: grpc.ServerWritableStream<ScaledObjectRef, { result: boolean }>) => {
      if (closing) return void call.emit("error", Object.assign(new Error("the PSE is shutting down; connect to another replica"), { code: grpc.status.UNAVAILABLE }));
      try {
        parse(call.request);
      } catch (error) {
        return fail(call, error);
      }
      let ended = false;
      const push = () =>
        isActive(call.request).then(
          (result) => {
            if (!ended) call.write({ result });
          },
          (error: unknown) => {
            if (!ended) fail(call, error);
          },
        );
      const timer = setInterval(() => void push(), options.streamIntervalMs ?? 30_000);
      track(call, () => {
        ended = true;
        clearInterval(timer);
      });
      void push();
    },
    GetMetricSpec: (call: grpc.ServerUnaryCall<ScaledObjectRef, unknown>, callback: grpc.sendUnaryData<{ metricSpecs: MetricSpec[] }>) => {
      specOf(call.request).then((spec) => callback(null, { metricSpecs: [spec] }), (error: unknown) => callback(toStatus(error)));
    },
    StreamMetricSpec: (call: grpc.ServerWritableStream<ScaledObjectRef, { metricSpecs: MetricSpec[] }>) => {
      track(call);
      specOf(call.request).then(
        (spec) => call.write({ metricSpecs: [spec] }),
        (error: unknown) => fail(call, error),
      );
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
  const metricsServer = await startMetricsServer(metrics, host, options.metricsPort);
  options.log(`PSE external scaler listening on ${host}:${grpcPort} (gRPC), metrics on http://${host}:${(metricsServer.address() as AddressInfo).port}/metrics`);
  return {
    grpcPort,
    metricsPort: (metricsServer.address() as AddressInfo).port,
    close: async (graceMs = 5_000) => {
      closing = true;
      const started = Date.now();
      const shutdown = new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
      for (const stream of openStreams) stream.end();
      let timer: NodeJS.Timeout | undefined;
      const forced = new Promise<"forced">((resolve) => (timer = setTimeout(() => resolve("forced"), graceMs)));
      if ((await Promise.race([shutdown, forced])) === "forced") {
        options.log(`shutdown: calls still open after ${graceMs} ms; closing their connections`);
        server.forceShutdown();
      }
      clearTimeout(timer);
      metricsServer.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => metricsServer.close(() => resolve())), pool.close()]);
      options.log(`shutdown complete in ${Date.now() - started} ms`);
    },
  };
}
