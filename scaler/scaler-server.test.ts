import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { loadExternalScalerPackage, type MetricSpec, type MetricValue } from "./external-scaler-proto";
import { startScalerServer, type RunningScalerServer } from "./scaler-server";

type Unary<Req, Res> = (request: Req, callback: (error: grpc.ServiceError | null, response: Res) => void) => void;
interface ExternalScalerClient extends grpc.Client {
  GetMetricSpec: Unary<object, { metricSpecs: MetricSpec[] }>;
  GetMetrics: Unary<object, { metricValues: MetricValue[] }>;
  IsActive: Unary<object, { result: boolean }>;
}
const call = <Req, Res>(method: Unary<Req, Res>, client: grpc.Client, request: Req) =>
  new Promise<Res>((resolve, reject) => method.call(client, request, (error, response) => (error ? reject(error) : resolve(response))));

/** A Prometheus answering every range query with `value` at every step. */
async function flatPrometheus(value: () => number | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
    const v = value();
    const values: [number, string][] = [];
    if (v !== undefined) for (let t = Math.max(start, end - 2 * step); t <= end; t += step) values.push([t, String(v)]);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: values.length > 0 ? [{ metric: {}, values }] : [] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A loopback URL nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("icna scaler serve over KEDA's protocol", () => {
  let server: RunningScalerServer;
  let client: ExternalScalerClient;
  let prometheus: { url: string; close: () => Promise<void> };
  let load: number | undefined;
  beforeAll(async () => {
    prometheus = await flatPrometheus(() => load);
    server = await startScalerServer({ host: "127.0.0.1", port: 0, metricsPort: 0, defaultPrometheusUrl: prometheus.url, refitIntervalMs: 900_000, log: () => undefined });
    const ExternalScaler = loadExternalScalerPackage().ExternalScaler as grpc.ServiceClientConstructor;
    client = new ExternalScaler(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure()) as unknown as ExternalScalerClient;
  });
  afterAll(async () => {
    client.close();
    await server.close();
    await prometheus.close();
  });

  it("answers UNAVAILABLE, not inactive, while Prometheus is unreachable and the load was never observed", async () => {
    const ref = { name: "blind", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "100", minReplicas: "0", prometheusUrl: await closedPortUrl() } };
    await expect(call(client.IsActive, client, ref)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE, details: expect.stringMatching(/never observed/) });
    await expect(call(client.GetMetrics, client, { scaledObjectRef: ref, metricName: "pse-shop-blind" })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });

  it("serves a target and a metric that KEDA's milli-unit quantities keep in the decided ratio, so the HPA lands on the decision", async () => {
    // KEDA hands the HPA milli-unit quantities: older releases truncate value × 1000, newer ones format it with 3 decimals.
    const kedaMilli = { truncated: (v: number) => Math.trunc(v * 1000), rounded: (v: number) => Math.round(v * 1000) };
    const capacityPerPod = 33.3334;
    for (const [i, observed] of [20, 60, 100, 230, 400, 1000].entries()) {
      load = observed;
      const ref = { name: `odd-${i}`, namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: String(capacityPerPod), targetUtilisation: "1", minReplicas: "1", maxReplicas: "1000" } };
      const [spec] = (await call(client.GetMetricSpec, client, ref)).metricSpecs;
      const [value] = (await call(client.GetMetrics, client, { scaledObjectRef: ref, metricName: spec.metricName })).metricValues;
      const decided = Math.ceil(observed / capacityPerPod);
      for (const milli of Object.values(kedaMilli)) expect(Math.ceil(milli(value.metricValueFloat) / milli(spec.targetSizeFloat))).toBe(decided);
    }
  });

  it("rejects a capacityPerPod KEDA's milli-units cannot carry", async () => {
    const ref = { name: "tiny", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "0.0004" } };
    await expect(call(client.GetMetricSpec, client, ref)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/capacityPerPod must be a number ≥ 0\.001/) });
  });
});

describe("icna scaler serve shutting down", () => {
  it("closes while KEDA holds a StreamIsActive stream open (SIGTERM must not wait for the kubelet's SIGKILL)", async () => {
    const prometheus = await flatPrometheus(() => 100);
    const server = await startScalerServer({ host: "127.0.0.1", port: 0, metricsPort: 0, defaultPrometheusUrl: prometheus.url, refitIntervalMs: 900_000, log: () => undefined });
    const ExternalScaler = loadExternalScalerPackage().ExternalScaler as grpc.ServiceClientConstructor;
    const client = new ExternalScaler(`127.0.0.1:${server.grpcPort}`, grpc.credentials.createInsecure());
    try {
      const stream = (client as unknown as { StreamIsActive: (ref: object) => grpc.ClientReadableStream<{ result: boolean }> }).StreamIsActive({ name: "web", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "10" } });
      const ended = new Promise<void>((resolve) => {
        stream.on("error", () => resolve());
        stream.on("end", () => resolve());
      });
      await new Promise<void>((resolve) => stream.once("data", () => resolve()));
      const outcome = await Promise.race([server.close().then(() => "closed"), new Promise((resolve) => setTimeout(() => resolve("still open"), 3_000))]);
      expect(outcome).toBe("closed");
      await ended;
    } finally {
      client.close();
      await prometheus.close();
    }
  });
});
