import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { loadResampled } from "../forecast/evaluation/corpus";
import { recordedDataPath } from "../../testing/recorded-data";
import { connectKedaScaler, type KedaScalerClient } from "../../testing/keda-scaler-client";
import { freePort, startPrometheus, type TestPrometheus } from "../../testing/prometheus-process";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const STEP_SECONDS = 300;
const TRACE_DAYS = 10;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("icna scaler serve against a real Prometheus", () => {
  let prometheus: TestPrometheus | undefined;
  let scaler: ChildProcess | undefined;
  let client: KedaScalerClient;
  let metricsUrl: string;
  let lastObserved = 0;
  const scaledObject = {
    name: "web",
    namespace: "shop",
    scalerMetadata: { query: "sum(pse_load)", capacityPerPod: "50", leadTimeMinutes: "20", quantile: "0.9", historyDays: "9", minReplicas: "1", maxReplicas: "500" },
  };

  beforeAll(async () => {
    // The real NASA-HTTP trace, 5-minute request counts, last 10 days shifted so that they end now.
    const nasa = loadResampled(recordedDataPath("nasa_http_1995-last-10-days-5min-sums.csv"), "sum", STEP_SECONDS);
    const steps = (TRACE_DAYS * 86_400) / STEP_SECONDS;
    const values = nasa.values.slice(nasa.values.length - steps);
    const endSeconds = Math.floor(Date.now() / 1000 / STEP_SECONDS) * STEP_SECONDS - STEP_SECONDS;
    // Requests per 5 minutes (NASA-HTTP 1995, replayed).
    const samples = Array.from(values).flatMap((value, i) => (Number.isFinite(value) ? [{ metric: "pse_load", labels: { job: "trace" }, value, timeSeconds: endSeconds - (steps - 1 - i) * STEP_SECONDS }] : []));
    // kube-state-metrics' view of KEDA's HPA for shop/web and its Deployment: 1000 ready pods, far above any demand.
    const times = Array.from({ length: steps }, (_, i) => endSeconds - (steps - 1 - i) * STEP_SECONDS);
    const hpa = { namespace: "shop", horizontalpodautoscaler: "keda-hpa-web", scaletargetref_kind: "Deployment", scaletargetref_name: "web" };
    const kubeStateMetrics = times.flatMap((timeSeconds) => [
      { metric: "kube_horizontalpodautoscaler_info", labels: hpa, value: 1, timeSeconds },
      { metric: "kube_deployment_status_replicas_available", labels: { namespace: "shop", deployment: "web" }, value: 1000, timeSeconds },
    ]);
    lastObserved = values[values.length - 1];
    prometheus = await startPrometheus([...samples, ...kubeStateMetrics]);
    const promUrl = prometheus.url;

    const [grpcPort, metricsPort] = [await freePort(), await freePort()];
    scaler = spawn(process.execPath, [path.join(REPO_ROOT, "bin", "icna.js"), "scaler", "serve", "--port", String(grpcPort), "--metrics-port", String(metricsPort), "--prometheus-url", promUrl], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    scaler.stdout!.resume();
    scaler.stderr!.resume();
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
    await waitFor(async () => (await fetch(metricsUrl)).ok, "icna scaler serve to listen", 60_000);
    client = connectKedaScaler(`127.0.0.1:${grpcPort}`);
  }, 120_000);

  afterAll(async () => {
    client?.close();
    scaler?.kill("SIGTERM");
    await prometheus?.stop();
  });

  it("serves a forecast-driven metric from the backfilled history over KEDA's protocol", async () => {
    const spec = await client.getMetricSpec(scaledObject);
    expect(spec.metricSpecs).toEqual([{ metricName: "pse-shop-web", targetSize: 50, targetSizeFloat: 50 }]);

    const metrics = await client.getMetrics({ scaledObjectRef: scaledObject, metricName: "pse-shop-web" });
    const value = metrics.metricValues[0].metricValueFloat;
    expect(value).toBeGreaterThanOrEqual(Math.ceil(lastObserved / 50) * 50);
    expect(value % 50).toBe(0);
    expect((await client.isActive(scaledObject)).result).toBe(true);

    const exported = await (await fetch(metricsUrl)).text();
    expect(exported).toMatch(/icna_pse_fallback\{scaled_object="shop\/web"\} 0/);
    const peak = Number(/icna_pse_forecast_peak\{scaled_object="shop\/web"\} ([\d.e+]+)/.exec(exported)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(exported).toMatch(/icna_pse_refit_seconds_count\{scaled_object="shop\/web"\} 1/);
  });

  it("measures the lead on the last whole days' peaks from the trace and the Deployment's ready pods", async () => {
    // Ready capacity (1000 pods) covers every minute of the trace: each day's peak is covered for the whole search.
    await waitFor(async () => /icna_pse_peak_lead_minutes\{scaled_object="shop\/web"\} 240/.test(await (await fetch(metricsUrl)).text()), "the peak lead in /metrics");
  });

  it("falls back to the observed value when Prometheus goes away, and says so in its metrics", async () => {
    await prometheus!.stop();
    const metrics = await client.getMetrics({ scaledObjectRef: scaledObject, metricName: "pse-shop-web" });
    expect(metrics.metricValues[0].metricValueFloat).toBeGreaterThanOrEqual(Math.ceil(lastObserved / 50) * 50);
    const exported = await (await fetch(metricsUrl)).text();
    expect(exported).toMatch(/icna_pse_fallback\{scaled_object="shop\/web"\} 1/);
    expect(exported).toMatch(/icna_pse_fallbacks_total\{scaled_object="shop\/web",reason="prometheus-unavailable"\} 1/);
  });

  it("rejects invalid trigger metadata with INVALID_ARGUMENT naming the field", async () => {
    const bad = { ...scaledObject, scalerMetadata: { ...scaledObject.scalerMetadata, capacityPerPod: "zero" } };
    await expect(client.getMetricSpec(bad)).rejects.toMatchObject({ code: grpc.status.INVALID_ARGUMENT, details: expect.stringMatching(/capacityPerPod must be a number ≥ 0\.001/) });
  });
});
