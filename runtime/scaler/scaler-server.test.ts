import * as http from "node:http";
import * as grpc from "@grpc/grpc-js";
import { closedPortUrl } from "../../testing/closed-port";
import { connectKedaScaler, type KedaScalerClient } from "../../testing/keda-scaler-client";
import type { ScaledObjectRef } from "./external-scaler-proto";
import { startScalerServer, type RunningScalerServer } from "./scaler-server";
import { startLoopbackServer } from "../../testing/loopback-server";

/**
 * Instant queries (the PSE's check of a trigger's query) as Prometheus answers them: unbalanced
 * parentheses do not parse, `per_pod` returns two series, anything else one.
 */
function instantAnswer(query: string, res: http.ServerResponse): void {
  res.setHeader("content-type", "application/json");
  if (query.split("(").length !== query.split(")").length) {
    res.writeHead(400).end(JSON.stringify({ status: "error", errorType: "bad_data", error: `invalid parameter "query": 1:${query.length + 1}: parse error: unclosed left parenthesis` }));
    return;
  }
  const result = (query === "per_pod" ? ["a", "b"] : [""]).map((pod) => ({ metric: pod ? { pod } : {}, value: [Date.now() / 1000, "1"] }));
  res.end(JSON.stringify({ status: "success", data: { resultType: "vector", result } }));
}

/** A Prometheus answering every range query with `value` at every step. */
async function flatPrometheus(value: () => number | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  return startLoopbackServer((req, res) => {
    const params = new URL(req.url ?? "/", "http://x").searchParams;
    if (req.url?.startsWith("/api/v1/query?")) return instantAnswer(params.get("query") ?? "", res);
    const [start, end, step] = ["start", "end", "step"].map((k) => Number(params.get(k)));
    const v = value();
    const values: [number, string][] = [];
    if (v !== undefined) for (let t = Math.max(start, end - 2 * step); t <= end; t += step) values.push([t, String(v)]);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: values.length > 0 ? [{ metric: {}, values }] : [] } }));
  });
}

/** `icna scaler serve` on free loopback ports, reading `prometheusUrl`. */
const serveOver = (prometheusUrl: string): Promise<RunningScalerServer> =>
  startScalerServer({ host: "127.0.0.1", port: 0, metricsPort: 0, defaultPrometheusUrl: prometheusUrl, refitIntervalMs: 900_000, log: () => undefined });

/** The scaler over a flat Prometheus answering `value`, and a KEDA client connected to it; `stop` closes all three. */
async function scalerWithClient(value: () => number | undefined): Promise<{ client: KedaScalerClient; stop: () => Promise<void> }> {
  const prometheus = await flatPrometheus(value);
  const server = await serveOver(prometheus.url);
  const client = connectKedaScaler(`127.0.0.1:${server.grpcPort}`);
  return {
    client,
    stop: async () => {
      client.close();
      await server.close();
      await prometheus.close();
    },
  };
}

describe("icna scaler serve over KEDA's protocol", () => {
  let client: KedaScalerClient;
  let stop: () => Promise<void>;
  let load: number | undefined;
  beforeAll(async () => void ({ client, stop } = await scalerWithClient(() => load)));
  afterAll(() => stop());

  it("answers UNAVAILABLE, not inactive, while Prometheus is unreachable and the load was never observed", async () => {
    const ref = { name: "blind", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "100", minReplicas: "0", prometheusUrl: await closedPortUrl() } };
    await expect(client.isActive(ref)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE, details: expect.stringMatching(/never observed/) });
    await expect(client.getMetrics({ scaledObjectRef: ref, metricName: "pse-shop-blind" })).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
  });

  it("serves a target and a metric that KEDA's milli-unit quantities keep in the decided ratio, so the HPA lands on the decision", async () => {
    // KEDA hands the HPA milli-unit quantities: older releases truncate value × 1000, newer ones format it with 3 decimals.
    const kedaMilli = { truncated: (v: number) => Math.trunc(v * 1000), rounded: (v: number) => Math.round(v * 1000) };
    const capacityPerPod = 33.3334;
    for (const [i, observed] of [20, 60, 100, 230, 400, 1000].entries()) {
      load = observed;
      const ref = { name: `odd-${i}`, namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: String(capacityPerPod), targetUtilisation: "1", minReplicas: "1", maxReplicas: "1000" } };
      const [spec] = (await client.getMetricSpec(ref)).metricSpecs;
      const [value] = (await client.getMetrics({ scaledObjectRef: ref, metricName: spec.metricName })).metricValues;
      const decided = Math.ceil(observed / capacityPerPod);
      for (const milli of Object.values(kedaMilli)) expect(Math.ceil(milli(value.metricValueFloat) / milli(spec.targetSizeFloat))).toBe(decided);
    }
  });

  it("rejects a capacityPerPod KEDA's milli-units cannot carry", async () => {
    const ref = { name: "tiny", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "0.0004" } };
    await expect(client.getMetricSpec(ref)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/capacityPerPod must be a number ≥ 0\.001/) });
  });
});

describe("icna scaler serve shutting down", () => {
  it("closes while KEDA holds a StreamIsActive stream open (SIGTERM must not wait for the kubelet's SIGKILL)", async () => {
    const prometheus = await flatPrometheus(() => 100);
    const server = await serveOver(prometheus.url);
    const client = connectKedaScaler(`127.0.0.1:${server.grpcPort}`);
    try {
      const stream = client.streamIsActive({ name: "web", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "10" } });
      const ended = new Promise<void>((resolve) => {
        stream.on("error", () => resolve());
        stream.on("end", () => resolve());
      });
      await new Promise<void>((resolve) => stream.once("data", () => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([server.close().then(() => "closed"), new Promise((resolve) => (timer = setTimeout(() => resolve("still open"), 3_000)))]);
      clearTimeout(timer);
      expect(outcome).toBe("closed");
      await ended;
    } finally {
      client.close();
      await prometheus.close();
    }
  });
});

describe("icna scaler serve refusing what it cannot serve", () => {
  let client: KedaScalerClient;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ client, stop } = await scalerWithClient(() => 100)));
  afterAll(() => stop());

  /** The status a StreamIsActive stream ends with, or "open" when it is still open after `ms`. */
  async function streamEnd(ref: ScaledObjectRef, ms = 5_000): Promise<{ code: number; details: string } | "open"> {
    const stream = client.streamIsActive(ref);
    stream.on("data", () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const ended = await Promise.race([
      new Promise<{ code: number; details: string }>((resolve) => stream.on("error", (error: grpc.ServiceError) => resolve({ code: error.code, details: error.details }))),
      new Promise<"open">((resolve) => (timer = setTimeout(() => resolve("open"), ms))),
    ]);
    clearTimeout(timer);
    stream.cancel();
    return ended;
  }

  it("rejects an unknown metadata key, saying which key was meant, instead of using the default", async () => {
    const ref = { name: "typo", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "100", leadtimeMinutes: "30" } };
    await expect(client.getMetricSpec(ref)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/unknown key "leadtimeMinutes": did you mean "leadTimeMinutes"\?/) });
  });

  it("refuses numbers that are not plain decimals (0x10 is not 16)", async () => {
    const ref = { name: "hex", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "0x10", maxReplicas: " 5" } };
    await expect(client.getMetrics({ scaledObjectRef: ref, metricName: "m" })).rejects.toMatchObject({
      code: grpc.status.INVALID_ARGUMENT,
      details: expect.stringMatching(/capacityPerPod must be .*got "0x10".*maxReplicas must be .*got " 5"/),
    });
  });

  it("answers INVALID_ARGUMENT for a query Prometheus cannot parse or that returns several series, at GetMetricSpec", async () => {
    const ref = (name: string, query: string) => ({ name, namespace: "shop", scalerMetadata: { query, capacityPerPod: "100" } });
    await expect(client.getMetricSpec(ref("syntax", "sum(rate(x[5m])"))).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/is refused by Prometheus: .*parse error/) });
    await expect(client.getMetricSpec(ref("per-pod", "per_pod"))).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/returns 2 series; aggregate it to one/) });
    await expect(client.getMetricSpec(ref("fine", "sum(q)"))).resolves.toMatchObject({ metricSpecs: [{ metricName: "pse-shop-fine" }] });
  });

  it("ends a StreamIsActive stream it cannot serve with a status that says why", async () => {
    expect(await streamEnd({ name: "zero", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "zero" } })).toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/capacityPerPod/) });
    const unreachable = { name: "far", namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "100", prometheusUrl: await closedPortUrl() } };
    expect(await streamEnd(unreachable)).toMatchObject({ code: grpc.status.UNAVAILABLE, details: expect.stringMatching(/never observed.*prometheus-unavailable.*cannot reach/) });
  });
});

describe("icna scaler serve shutting down with many streams", () => {
  it("ends 200 open StreamIsActive streams and closes within its grace period", async () => {
    const prometheus = await flatPrometheus(() => 100);
    const server = await serveOver(prometheus.url);
    const client = connectKedaScaler(`127.0.0.1:${server.grpcPort}`);
    try {
      const streams = Array.from({ length: 200 }, (_, i) => client.streamIsActive({ name: `w${i}`, namespace: "shop", scalerMetadata: { query: "q", capacityPerPod: "10" } }));
      const ended = streams.map((stream) => new Promise<void>((resolve) => {
        stream.on("data", () => undefined);
        stream.on("error", () => resolve());
        stream.on("end", () => resolve());
      }));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = Date.now();
      await server.close(2_000);
      expect(Date.now() - started).toBeLessThan(4_000);
      await Promise.all(ended);
    } finally {
      client.close();
      await prometheus.close();
    }
  });
});
